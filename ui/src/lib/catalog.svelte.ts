// The saved lists a clerk picks from — document types, issuer profiles, signers, recipient
// lists — loaded once and reloaded after Settings change them.
import { backend } from './backend';
import type { Document } from './bindings/Document';
import type { IssuerProfile } from './bindings/IssuerProfile';
import type { KindOption } from './bindings/KindOption';
import type { Vocabulary } from './bindings/Vocabulary';
import type { RecipientList } from './bindings/RecipientList';
import type { Signer } from './bindings/Signer';
import { blankDocument } from './format';

export class Catalog {
  /** The model's names for formats, types, marks and statuses. */
  vocabulary: Vocabulary = $state({ formats: [], kinds: [], secrecy: [], urgency: [], statuses: [] });
  kinds: KindOption[] = $derived(this.vocabulary.kinds);
  profiles: IssuerProfile[] = $state([]);
  signers: Signer[] = $state([]);
  lists: RecipientList[] = $state([]);

  async load(): Promise<void> {
    const b = backend();
    [this.vocabulary, this.profiles, this.signers, this.lists] = await Promise.all([
      this.vocabulary.kinds.length ? Promise.resolve(this.vocabulary) : b.vocabulary(),
      b.issuerProfiles(),
      b.signers(),
      b.recipientLists(),
    ]);
  }

  kindName(kind: string | null): string {
    return this.kinds.find((k) => k.kind === kind)?.name ?? '';
  }

  formatName(format: string): string {
    return this.vocabulary.formats.find((f) => f.value === format)?.name ?? format;
  }

  statusName(status: string): string {
    return this.vocabulary.statuses.find((s) => s.value === status)?.name ?? status;
  }

  /** A new draft, headed by the first saved issuer profile and signed by the first signer. */
  newDocument(): Document {
    const doc = blankDocument();
    const p = this.profiles[0];
    if (p) applyProfile(doc, p);
    const s = this.signers[0];
    if (s) applySigner(doc, s);
    return doc;
  }
}

export function applyProfile(doc: Document, p: IssuerProfile): void {
  doc.format = p.format;
  doc.issuer = { parent: p.parent, name: p.name, code: p.code };
  if (p.place) doc.place = p.place;
}

export function applySigner(doc: Document, s: Signer): void {
  doc.signature = { authority: s.authority, position: s.position, name: s.name };
}
