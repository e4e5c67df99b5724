/** The review list (待核对): what a person must look at before the draft can be published. */
export interface ReviewItem {
  /** Dotted field path in the draft, when the item is about one field. */
  field?: string | undefined;
  message: string;
  /** 1-based line of the extracted text, when known. */
  line?: number | undefined;
}

export class Review {
  readonly items: ReviewItem[] = [];
  add(message: string, field?: string, line?: number) {
    if (!this.items.some((i) => i.message === message && i.field === field)) this.items.push({ message, field, line });
  }
}
