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
  private readonly seen = new Set<string>();
  add(message: string, field?: string, line?: number) {
    const key = `${field ?? ''}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ message, field, line });
  }
}
