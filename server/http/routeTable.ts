// The one route table of the JSON API: each endpoint of common/api.ts with its handler. It matches
// the path, answers 404 for an unknown one and 405 with `Allow` for a wrong method, and checks the
// caller the endpoint names (any key, or only the facilitator's) before the handler runs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Api, type ApiAnswers, type Endpoint, type EndpointName, type Method, type ParamsOf } from '../../common/api';
import type { MeetingRegistry, Role } from '../meetings';
import { HttpError, sendJson } from './answer';
import { authorise } from './auth';

export interface RouteRequest<N extends EndpointName> {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** GET or HEAD for an endpoint that answers both */
  method: Method;
  /** the path's parameters, as sent (not decoded) */
  params: ParamsOf<N>;
  /** the role the key granted (endpoints whose caller is 'key' or 'facilitator') */
  role: Role | null;
  /** the endpoint's answer as JSON */
  answer(status: number, body: ApiAnswers[N]): void;
}

export type Handlers = { [N in EndpointName]?: (request: RouteRequest<N>) => Promise<void> };

type AnyHandler = (request: RouteRequest<EndpointName>) => Promise<void>;

interface Route {
  segments: string[];
  /** each method with its endpoint and handler */
  methods: Map<Method, { name: EndpointName; endpoint: Endpoint; handle: AnyHandler }>;
}

const segmentsOf = (path: string) => path.split('/').slice(1);

export class RouteTable {
  private readonly routes: Route[] = [];

  /** Every handler set's endpoints; an endpoint handled twice is a mistake found at start. */
  constructor(
    private readonly registry: MeetingRegistry,
    ...handlerSets: Handlers[]
  ) {
    const seen = new Set<string>();
    for (const handlers of handlerSets) {
      for (const [name, handle] of Object.entries(handlers) as [EndpointName, AnyHandler][]) {
        if (seen.has(name)) throw new Error(`two handlers for ${name}`);
        seen.add(name);
        const endpoint: Endpoint = Api[name];
        let route = this.routes.find((r) => r.segments.join('/') === segmentsOf(endpoint.path).join('/'));
        if (!route) this.routes.push((route = { segments: segmentsOf(endpoint.path), methods: new Map() }));
        route.methods.set(endpoint.method, { name, endpoint, handle });
        if (endpoint.head) route.methods.set('HEAD', { name, endpoint, handle });
      }
    }
  }

  /** The endpoints this table answers (for tests: every route's method check). */
  endpoints(): EndpointName[] {
    return [...new Set(this.routes.flatMap((r) => [...r.methods.values()].map((m) => m.name)))];
  }

  /** Answers an /api request; throws HttpError 404 (no such path) or 405 (wrong method). */
  async answer(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const parts = segmentsOf(url.pathname);
    for (const route of this.routes) {
      const params = match(route.segments, parts);
      if (!params) continue;
      const method = (req.method ?? 'GET') as Method;
      const found = route.methods.get(method);
      if (!found) throw new HttpError(405, 'Method not allowed', { Allow: [...route.methods.keys()].join(', ') });
      const meetingId = params.meetingId;
      const caller = found.endpoint.caller;
      let role: Role | null = null;
      if (caller === 'key' || caller === 'facilitator') {
        role = await authorise(this.registry, req, meetingId ?? '');
        if (caller === 'facilitator' && role.kind !== 'facilitator') throw new HttpError(403, 'Only the facilitator may do this');
      }
      return found.handle({
        req,
        res,
        url,
        method,
        params: params as ParamsOf<EndpointName>,
        role,
        answer: (status, body) => sendJson(res, status, body),
      });
    }
    throw new HttpError(404, 'Not found');
  }
}

/** The parameters when the path has the route's shape (a parameter is one non-empty segment). */
function match(segments: string[], parts: string[]): Record<string, string> | null {
  if (segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    if (segment.startsWith(':')) {
      if (parts[i] === '') return null;
      params[segment.slice(1)] = parts[i];
    } else if (segment !== parts[i]) return null;
  }
  return params;
}
