import { unescapeXml } from './xmlText';

const CACHE_SLOTS = 1 << 16;
const BRIDGE = 8192;
/** Per-string flags: needs entity/escape decoding; has non-ASCII bytes. */
const ESCAPED = 1;
const WIDE = 2;
/**
 * The text is kept in blocks of 8 MB: a growing single buffer would double (and be copied) past
 * the text's size, which at a million rows held twice the ~70 MB of text for a moment. A string
 * never straddles two blocks; its position is block × BLOCK_SIZE + offset in the block.
 */
const BLOCK_BITS = 23;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK_SIZE - 1;

/** Buffer's own slicers, without toString's argument checks (~25% faster per short string). */
type Slicing = Buffer & { utf8Slice(start: number, end: number): string; latin1Slice(start: number, end: number): string };

/**
 * The shared-strings table kept as UTF-8 bytes plus offsets, decoded per lookup. A province list
 * has millions of unique strings (CCCD, BHXH and card numbers typed as text): as JS strings they
 * would cost ~40 bytes of heap each plus GC scanning; here they cost their bytes and 5 more.
 * A small direct-mapped cache keeps repeated strings (communes, names, genders) decoded once.
 */
export class SharedStrings {
  private readonly cacheKeys = new Int32Array(CACHE_SLOTS).fill(-1);
  private readonly cacheValues: string[] = new Array<string>(CACHE_SLOTS).fill('');

  constructor(
    private readonly blocks: Buffer[],
    /** Bytes used in each block: the end of a block's last string. */
    private readonly blockEnds: number[],
    private readonly offsets: Uint32Array,
    private readonly escaped: Uint8Array,
    readonly count: number,
  ) {}

  static empty(): SharedStrings {
    return new SharedStrings([], [], new Uint32Array(1), new Uint8Array(0), 0);
  }

  /** The string at `index`, or null when the sheet points past the table. */
  get(index: number): string | null {
    if (index >= this.count || index < 0) return null;
    const slot = index & (CACHE_SLOTS - 1);
    if (this.cacheKeys[slot] === index) return this.cacheValues[slot]!;
    const flags = this.escaped[index]!;
    const at = this.offsets[index]!;
    const next = this.offsets[index + 1]!;
    const block = at >>> BLOCK_BITS;
    const bytes = this.blocks[block] as Slicing | undefined;
    if (!bytes) return '';
    const start = at & IN_BLOCK;
    const end = next >>> BLOCK_BITS === block ? next & IN_BLOCK : this.blockEnds[block]!;
    let text = flags & WIDE ? bytes.utf8Slice(start, end) : bytes.latin1Slice(start, end);
    if (flags & ESCAPED) text = unescapeXml(text);
    this.cacheKeys[slot] = index;
    this.cacheValues[slot] = text;
    return text;
  }

  /** Bytes held (text blocks + offsets + flags), for the benchmark. */
  byteSize(): number {
    return this.blocks.reduce((n, b) => n + b.length, 0) + this.offsets.byteLength + this.escaped.byteLength;
  }
}

/**
 * Fed the inflated sharedStrings.xml chunk by chunk. Each `<si>` becomes one string: the text of
 * its `<t>` elements concatenated (rich-text runs `<r><t>…</t></r>`), phonetic `<rPh>` runs left
 * out as Excel shows them. Text stays raw (entities decoded at lookup); a flag marks strings that
 * need it. A tag cut by a chunk boundary is carried to the next chunk.
 */
export class SharedStringsBuilder {
  private blocks: Buffer[] = [];
  private blockEnds: number[] = [];
  /** The block being filled (the last of `blocks`) and the bytes used in it. */
  private bytes = Buffer.allocUnsafe(0);
  private used = 0;
  private offsets = new Uint32Array(1 << 14);
  private escaped = new Uint8Array(1 << 14);
  private count = 0;
  private carry: Buffer | null = null;
  private inItem = false;
  /** Where the current string began in the current block. */
  private itemStart = 0;
  private phonetic = 0;
  private itemEscaped = 0;

  feed(chunk: Buffer): void {
    let from = 0;
    const carry = this.carry;
    if (carry) {
      // As in SheetScanner: finish the cut element on a small bridge, not a copy of the chunk.
      const bridge = Buffer.concat([carry, chunk.subarray(0, BRIDGE)]);
      const stop = this.scan(bridge, 0);
      if (stop >= carry.length) from = stop - carry.length;
      else {
        const whole = Buffer.concat([carry, chunk]);
        return this.keep(whole, this.scan(whole, stop));
      }
    }
    this.keep(chunk, this.scan(chunk, from));
  }

  private keep(buf: Buffer, stop: number): void {
    this.carry = stop < buf.length ? Buffer.from(buf.subarray(stop)) : null;
  }

  finish(): SharedStrings {
    if (this.inItem) this.endItem();
    this.offsets[this.count] = this.position();
    if (this.blocks.length) this.blockEnds[this.blocks.length - 1] = this.used;
    return new SharedStrings(this.blocks, this.blockEnds, this.offsets, this.escaped, this.count);
  }

  private scan(buf: Buffer, from: number): number {
    // Plain loops, not Buffer#indexOf: tags and texts here are a few bytes long, and millions
    // of native calls cost more than the bytes they skip.
    const end = buf.length;
    let pos = from;
    for (;;) {
      let lt = pos;
      while (lt < end && buf[lt] !== 0x3c) lt++;
      if (lt >= end) return end;
      let i = lt + 1;
      if (i >= end) return lt;
      const closing = buf[i] === 0x2f;
      if (closing) i++;
      let local = i;
      for (; i < end; i++) {
        const b = buf[i]!;
        if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d) break;
        if (b === 0x3a) local = i + 1;
      }
      let gt = i;
      while (gt < end && buf[gt] !== 0x3e) gt++;
      if (gt >= end) return lt;
      const length = i - local;
      const first = buf[local];
      if (length === 2 && first === 0x73 && buf[local + 1] === 0x69) {
        // <si> / </si>
        if (closing) this.endItem();
        else {
          if (this.inItem) this.endItem();
          this.startItem();
          if (buf[gt - 1] === 0x2f) this.endItem();
        }
      } else if (length === 1 && first === 0x74 && !closing && buf[gt - 1] !== 0x2f) {
        let textEnd = gt + 1;
        while (textEnd < end && buf[textEnd] !== 0x3c) textEnd++;
        if (textEnd >= end) return lt;
        if (this.inItem && this.phonetic === 0) this.append(buf, gt + 1, textEnd);
        pos = textEnd;
        continue;
      } else if (length === 3 && first === 0x72 && buf[local + 1] === 0x50 && buf[local + 2] === 0x68) {
        if (closing) this.phonetic = Math.max(0, this.phonetic - 1);
        else if (buf[gt - 1] !== 0x2f) this.phonetic++;
      }
      pos = gt + 1;
    }
  }

  /** A new block; the current string's bytes so far move with it (a string stays in one block). */
  private nextBlock(): void {
    const block = Buffer.allocUnsafe(BLOCK_SIZE);
    const carried = this.inItem ? this.used - this.itemStart : 0;
    if (carried > 0) this.bytes.copy(block, 0, this.itemStart, this.used);
    if (this.blocks.length) this.blockEnds[this.blocks.length - 1] = this.used - carried;
    this.blocks.push(block);
    this.bytes = block;
    this.used = carried;
    this.itemStart = 0;
    if (this.inItem) this.offsets[this.count] = this.position() - carried;
  }

  private startItem(): void {
    if (this.count + 1 >= this.offsets.length) {
      const offsets = new Uint32Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
      const escaped = new Uint8Array(this.escaped.length * 2);
      escaped.set(this.escaped);
      this.escaped = escaped;
    }
    this.offsets[this.count] = this.position();
    this.itemStart = this.used;
    this.inItem = true;
    this.phonetic = 0;
    this.itemEscaped = 0;
  }

  private endItem(): void {
    if (!this.inItem) return;
    this.escaped[this.count] = this.itemEscaped;
    this.count++;
    this.inItem = false;
  }

  /** Where the next byte goes, as a string's position. */
  private position(): number {
    return this.blocks.length ? (this.blocks.length - 1) * BLOCK_SIZE + this.used : 0;
  }

  private append(buf: Buffer, start: number, end: number): void {
    // A cell holds at most 32,767 characters; longer text (a broken file) is cut to fit one block.
    const length = Math.min(end - start, BLOCK_SIZE - (this.used - this.itemStart));
    end = start + length;
    if (this.used + length > this.bytes.length) this.nextBlock();
    // One pass copies and flags: '&' (entities) and '_' (_xHHHH_) need decoding later, bytes
    // ≥ 0x80 need UTF-8 decoding (the rest is ASCII, decoded faster as Latin-1).
    const target = this.bytes;
    let at = this.used;
    let flags = this.itemEscaped;
    for (let i = start; i < end; i++) {
      const b = buf[i]!;
      if (b === 0x26 || b === 0x5f) flags |= ESCAPED;
      else if (b >= 0x80) flags |= WIDE;
      target[at++] = b;
    }
    this.itemEscaped = flags;
    this.used = at;
  }
}
