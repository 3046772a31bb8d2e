// The parts of ncalayer-js-client Sot uses; the package ships no types.
declare module 'ncalayer-js-client' {
  export class NCALayerClient {
    constructor(url?: string, allowKmdHttpApi?: boolean);
    connect(): Promise<string>;
    basicsSignCMS(allowedStorages: unknown, data: string | ArrayBuffer, signingParams: unknown, signerParams: unknown, locale?: string): Promise<string>;
    static readonly basicsStorageAll: unknown;
    static readonly basicsCMSParamsAttached: unknown;
    /** NCA certificates for authentication: extKeyUsage clientAuth. */
    static readonly basicsSignerAuthAny: { extKeyUsageOids: string[] };
    /** NCA certificates for signing: extKeyUsage emailProtection. */
    static readonly basicsSignerSignAny: { extKeyUsageOids: string[] };
  }
}
