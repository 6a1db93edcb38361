import { apiError, type RestResult, type Route } from './fakeRest.ts';
import type { FakeInteraction, FakeState } from './fakeState.ts';
import { messagePayload } from './payloads.ts';

const EPHEMERAL = 64;
const LOADING = 128;

/**
 * Interaction callbacks and the interaction webhook (@original, follow-ups). Like Discord: one
 * callback per interaction (a second gets 40060), and the token is the only credential.
 */
export function interactionRoutes(s: FakeState): Route[] {
  const byToken = (token: string) => s.interactionsByToken.get(token);
  const payload = (m: NonNullable<FakeInteraction['original']>) => messagePayload(m, s.botUser.id);

  function callback(ix: FakeInteraction, body: Record<string, unknown>, query: URLSearchParams): RestResult {
    if (ix.callbacks.length > 0) return apiError(400, 40060, 'Interaction has already been acknowledged.');
    const type = Number(body.type);
    const data = (body.data ?? {}) as Record<string, unknown>;
    ix.callbacks.push({ type, data });
    const extra = { webhookId: s.applicationId, interactionId: ix.id };
    if (type === 4) ix.original = s.newMessage(ix.channelId, s.botUser, data, extra);
    if (type === 5) {
      const flags = (Number(data.flags ?? 0) & EPHEMERAL) | LOADING;
      ix.original = s.newMessage(ix.channelId, s.botUser, { flags }, extra);
    }
    if (type === 7 && ix.original) s.editMessage(ix.original, data);
    if (type === 8) ix.choices = (data.choices as FakeInteraction['choices']) ?? [];
    if (type === 9) ix.modal = data;
    s.changed();
    if (query.get('with_response') !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: { id: ix.id, type: ix.type, response_message_id: ix.original?.id },
        resource: { type, ...(ix.original ? { message: payload(ix.original) } : {}) },
      },
    };
  }

  const target = (ix: FakeInteraction, messageId: string) =>
    messageId === '@original' ? ix.original : ix.followups.find((m) => m.id === messageId);

  return [
    [
      'POST',
      /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
      ([, id, token], body, query) => {
        const ix = s.interactions.get(id);
        if (!ix || ix.token !== token) return apiError(404, 10062, 'Unknown interaction');
        return callback(ix, body, query);
      },
    ],
    [
      'PATCH',
      /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
      ([, , token, mid], body) => {
        const ix = byToken(token);
        const m = ix && target(ix, mid);
        if (!ix || !m) return apiError(404, 10008, 'Unknown Message');
        s.editMessage(m, body);
        s.changed();
        return { status: 200, body: payload(m) };
      },
    ],
    [
      'GET',
      /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
      ([, , token, mid]) => {
        const ix = byToken(token);
        const m = ix && target(ix, mid);
        return m ? { status: 200, body: payload(m) } : apiError(404, 10008, 'Unknown Message');
      },
    ],
    [
      'DELETE',
      /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
      ([, , token, mid]) => {
        const ix = byToken(token);
        const m = ix && target(ix, mid);
        if (!ix || !m) return apiError(404, 10008, 'Unknown Message');
        s.messages.delete(m.id);
        if (ix.original === m) ix.original = null;
        s.changed();
        return { status: 204 };
      },
    ],
    [
      'POST',
      /^\/webhooks\/(\d+)\/([^/]+)$/,
      ([, , token], body) => {
        const ix = byToken(token);
        if (!ix) return apiError(404, 10015, 'Unknown Webhook');
        // A follow-up before any callback is refused, as on Discord.
        if (ix.callbacks.length === 0) return apiError(404, 10015, 'Unknown Webhook');
        const m = s.newMessage(ix.channelId, s.botUser, body, {
          webhookId: s.applicationId,
          interactionId: ix.id,
        });
        ix.followups.push(m);
        s.changed();
        return { status: 200, body: payload(m) };
      },
    ],
  ];
}
