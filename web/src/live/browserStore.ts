/**
 * One IndexedDB database of the browser's own copies (unsent answers, unsent lesson-plan edits), so that they outlive
 * a reload and a crashed tab (sessionStorage does not outlive the tab). Where IndexedDB cannot be opened (a locked-down
 * browser), every call resolves without storing and the page keeps its copy in memory for as long as it lives.
 */
export class BrowserStore {
  private opened: Promise<IDBDatabase | null> | null = null;

  constructor(
    private readonly name: string,
    private readonly version: number,
    private readonly upgrade: (db: IDBDatabase) => void,
  ) {}

  private database(): Promise<IDBDatabase | null> {
    this.opened ??= new Promise((resolve) => {
      if (typeof indexedDB === "undefined") return resolve(null);
      const request = indexedDB.open(this.name, this.version);
      request.onupgradeneeded = () => this.upgrade(request.result);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    });
    return this.opened;
  }

  /** Runs `work` in one transaction and resolves with its result once the transaction has committed. */
  async run<T>(stores: string[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => IDBRequest<T> | void): Promise<T | undefined> {
    const db = await this.database();
    if (!db) return undefined;
    return new Promise((resolve) => {
      const tx = db.transaction(stores, mode);
      const request = work(tx);
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => resolve(undefined);
      tx.onabort = () => resolve(undefined);
    });
  }
}
