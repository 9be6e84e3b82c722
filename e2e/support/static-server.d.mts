export interface StaticServer {
  url: string;
  requests: { path: string; status: number }[];
  close(): Promise<void>;
}
export function startStaticServer(opts: { root: string; prefix: string; port?: number }): Promise<StaticServer>;
