// To-dos: first to-dos about an instance (storey-linked), then a few general ones.

import { mix, pick } from '../../random';
import { addDays, isoDate, isoDateTime, spreadTimestamp } from '../dates';
import type { IndexedList } from '../indexedList';
import type { Todo } from '../models';
import { ASSIGNEES, GENERAL_TODOS, TODO_STATUSES } from '../vocabulary';
import { COLLECTION_CODES, computedList, type PhaseContext } from './context';
import { instanceIndexOnStoreyOf, objectInstanceAt } from './objectInstances';

export function todoList(ctx: PhaseContext): IndexedList<Todo> {
  const { instanceTodos, generalTodos } = ctx.sizes;
  const count = instanceTodos + generalTodos;
  const storeys = ctx.structure.storeys;
  return computedList(ctx, COLLECTION_CODES.todos, count, instanceTodos, (index, id): Todo => {
    const created = spreadTimestamp(index, count, mix(ctx.key, 70));
    const common = {
      id,
      status: pick(TODO_STATUSES, mix(ctx.key, 71, index)),
      assignee: pick(ASSIGNEES, mix(ctx.key, 72, index)),
      dueDate: isoDate(addDays(created, 7 + (mix(ctx.key, 73, index) % 54))),
      createdAt: isoDateTime(created),
    };
    if (index >= instanceTodos) {
      const title = GENERAL_TODOS[(index - instanceTodos) % GENERAL_TODOS.length]!;
      return { ...common, title, description: `${title} voor fase ${ctx.phase.name}.`, objectInstanceId: null };
    }
    const instanceIndex = instanceIndexOnStoreyOf(ctx, index, 74);
    const instance = objectInstanceAt(ctx, instanceIndex);
    const title = pick(instance.type.spec.todos, mix(ctx.key, 75, index));
    const storey = storeys[instanceIndex % storeys.length]!;
    return { ...common, title, description: `${title}: ${instance.name} op ${storey.name}.`, objectInstanceId: instance.id };
  });
}
