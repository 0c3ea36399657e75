/** Small valid documents that rule tests combine with the one document under test. */
export const PERSONAS = `peakend: 1
kind: personas
personas:
  - { id: owner, name: 业主 }
  - { id: tenant, name: 租户 }
`;

export const TOUCHPOINTS = `peakend: 1
kind: touchpoints
id: inventory
title: 接触点
touchpoints:
  - { id: service-hotline, name: 服务热线, phase: service, channel: phone, type: human, tags: [hotline] }
  - { id: service-center, name: 服务中心, phase: service, channel: store, type: human }
`;

export const STANDARDS = `peakend: 1
kind: standards
id: standards
title: 标准
standards:
  - id: answer-within-3-rings
    title: 三声之内接听
    requirement: 铃响三声之内接听
    appliesTo: { channels: [phone, store] }
    method: mystery-shopping
    expect: { type: measure, unit: rings, comparator: "<=", threshold: 3 }
`;

/** A journey around the given steps (each a YAML flow mapping or block, indented by the caller). */
export function journey(steps: string, header = 'personas: [owner, tenant]\n'): string {
  return `peakend: 1
kind: journey
id: j
title: 旅程
${header}stages:
  - id: s
    title: 阶段
    steps:
${steps}`;
}
