// Document metadata: first documents attached to an instance (storey-linked), then documents
// attached to an object type (no storey).

import { mix, pick } from '../../random';
import { isoDateTime, spreadTimestamp } from '../dates';
import type { IndexedList } from '../indexedList';
import type { DocumentInfo } from '../models';
import { DOCUMENT_KINDS } from '../vocabulary';
import { COLLECTION_CODES, computedList, type PhaseContext } from './context';
import { instanceIndexOnStoreyOf, objectInstanceAt } from './objectInstances';
import { objectTypeAt } from './objectTypes';

export function documentList(ctx: PhaseContext): IndexedList<DocumentInfo> {
  const { instanceDocuments, typeDocuments, objectTypes } = ctx.sizes;
  const count = instanceDocuments + typeDocuments;
  return computedList(ctx, COLLECTION_CODES.documents, count, instanceDocuments, (index, id): DocumentInfo => {
    const kind = pick(DOCUMENT_KINDS, mix(ctx.key, 60, index));
    const onInstance = index < instanceDocuments;
    const instance = onInstance ? objectInstanceAt(ctx, instanceIndexOnStoreyOf(ctx, index, 61)) : undefined;
    const type = instance?.type ?? objectTypeAt(ctx, (index - instanceDocuments) % objectTypes);
    const subject = instance ? `${type.typeName} ${instance.tag}` : type.typeName;
    return {
      id,
      name: `${kind.label} ${subject}`,
      fileName: `${slug(`${kind.label} ${subject}`)}.${kind.extension}`,
      contentType: kind.contentType,
      size: 20_000 + (mix(ctx.key, 62, index) % 8_000_000),
      objectInstanceId: instance?.id ?? null,
      objectTypeId: instance ? null : type.id,
      createdAt: isoDateTime(spreadTimestamp(index, count, mix(ctx.key, 63))),
    };
  });
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_]+/g, '-');
}
