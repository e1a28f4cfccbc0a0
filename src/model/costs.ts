import type { Params } from './params.ts';

/**
 * The cost table in integer nanoseconds, derived from the parameters once per run. Every CPU charge
 * and hardware delay of the model reads this table, so changing a parameter changes every stage
 * that uses it and nothing else.
 */
export interface Costs {
  readonly p: Params;
  /** Per-event and per-packet costs, ns. */
  readonly ns: Record<
    | 'prop'
    | 'nicTx'
    | 'nicRx'
    | 'doorbell'
    | 'coal'
    | 'hcall'
    | 'upcall'
    | 'vcpuWake'
    | 'vcpuWakeCpu'
    | 'gcHypercall'
    | 'gcOp'
    | 'gntMap'
    | 'gntMapPage'
    | 'gntUnmap'
    | 'gntUnmapPage'
    | 'tlbFlush'
    | 'sysNat'
    | 'sysPv'
    | 'tcpTxCall'
    | 'tcpTxSeg'
    | 'tcpRxSeg'
    | 'tcpRxCall'
    | 'irq'
    | 'wakeThread'
    | 'wakeThreadCpu'
    | 'ipi'
    | 'hdrParse'
    | 'nfTx'
    | 'nfRx'
    | 'pktgen'
    | 'nbTx'
    | 'nbRx'
    | 'bridge'
    | 'drvTx'
    | 'drvRx'
    | 'pvOverhead'
    | 'feReq'
    | 'feEvt'
    | 'appPoll'
    | 'beReq'
    | 'beRx'
    | 'beFrame'
    | 'poll'
    | 'nicFw'
    | 'nicPlace',
    number
  >;
  /** Copy time for `bytes`, rounded to whole ns. */
  copyNs(bytes: number): number;
  /** PCIe DMA time for `bytes`, rounded to whole ns. */
  dmaNs(bytes: number): number;
}

const us = (value: number) => Math.round(value * 1000);

export function buildCosts(p: Params): Costs {
  const ns = {
    prop: us(p.propUs),
    nicTx: us(p.nicTxUs),
    nicRx: us(p.nicRxUs),
    doorbell: us(p.doorbellUs),
    coal: us(p.coalUs),
    hcall: us(p.hcallUs),
    upcall: us(p.upcallUs),
    vcpuWake: us(p.vcpuWakeUs),
    vcpuWakeCpu: us(p.vcpuWakeCpuUs),
    gcHypercall: us(p.gcHypercallUs),
    gcOp: us(p.gcOpUs),
    gntMap: us(p.gntMapUs),
    gntMapPage: us(p.gntMapPageUs),
    gntUnmap: us(p.gntUnmapUs),
    gntUnmapPage: us(p.gntUnmapPageUs),
    tlbFlush: us(p.tlbFlushPerVcpuUs * p.dom0Vcpus),
    sysNat: us(p.sysNatUs),
    sysPv: us(p.sysPvUs),
    tcpTxCall: us(p.tcpTxCallUs),
    tcpTxSeg: us(p.tcpTxSegUs),
    tcpRxSeg: us(p.tcpRxSegUs),
    tcpRxCall: us(p.tcpRxCallUs),
    irq: us(p.irqUs),
    wakeThread: us(p.wakeThreadUs),
    wakeThreadCpu: us(p.wakeThreadCpuUs),
    ipi: us(p.ipiUs),
    hdrParse: us(p.hdrParseUs),
    nfTx: us(p.nfTxUs),
    nfRx: us(p.nfRxUs),
    pktgen: us(p.pktgenUs),
    nbTx: us(p.nbTxUs),
    nbRx: us(p.nbRxUs),
    bridge: us(p.bridgeUs),
    drvTx: us(p.drvTxUs),
    drvRx: us(p.drvRxUs),
    pvOverhead: us(p.pvOverheadUs),
    feReq: us(p.feReqUs),
    feEvt: us(p.feEvtUs),
    appPoll: us(p.appPollUs),
    beReq: us(p.beReqUs),
    beRx: us(p.beRxUs),
    beFrame: us(p.beFrameUs),
    poll: us(p.pollUs),
    nicFw: us(p.nicFwUs),
    nicPlace: us(p.nicPlaceUs),
  };
  const dmaNsPerByte = 1 / p.pcieGBps; // 1 GB/s = 1 byte per ns
  return {
    p,
    ns,
    copyNs: (bytes) => Math.round(bytes * p.memcpyNsPerByte),
    dmaNs: (bytes) => Math.round(bytes * dmaNsPerByte),
  };
}
