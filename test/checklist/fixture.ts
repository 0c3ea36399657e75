import { openWorkspace, type WorkspaceIndex } from '../../src/core';
import { memoryHost } from '../helpers/memory';

export const INVENTORY = `peakend: 1
kind: touchpoints
id: property
title: 物业接触点
touchpoints:
  - { id: hotline, name: 服务热线, phase: service, channel: phone, type: human, tags: [counter], standards: [ring-3, greet] }
  - { id: repair-visit, name: 上门维修, phase: service, channel: onsite, type: human, performance: 4 }
`;

export const STANDARDS = `peakend: 1
kind: standards
id: service
title: 服务标准
standards:
  - id: ring-3
    title: 三声之内接听
    requirement: 电话铃响三声之内接听。
    dimension: efficiency
    appliesTo: { channels: [phone] }
    method: mystery-shopping
    expect: { type: measure, unit: rings, comparator: "<=", threshold: 3 }
    weight: 2
    critical: true
    evidence: [recording]
  - id: greet
    title: 主动问候
    requirement: 来有迎声。
    dimension: etiquette
    appliesTo: { tags: [counter] }
    method: observation
    expect: { type: pass-fail }
  - id: respond-24h
    title: 24 小时内答复
    requirement: 投诉 24 小时内答复。
    dimension: efficiency
    appliesTo: { phases: [service] }
    method: record-review
    expect: { type: measure, unit: hours, comparator: "<=", threshold: 24 }
    weight: 3
  - id: satisfaction
    title: 业主满意
    requirement: 业主对服务满意。
    dimension: empathy
    appliesTo: { channels: [phone] }
    method: survey
    expect: { type: rating, atLeast: satisfied }
`;

export async function indexOf(files: Record<string, string> = {}): Promise<WorkspaceIndex> {
  const all: Record<string, string> = {
    '/ws/peakend.yaml': 'peakend: 1\nkind: config\nchecklists: { dir: audits }\n',
    '/ws/property.touchpoints.yaml': INVENTORY,
    '/ws/service.standards.yaml': STANDARDS,
  };
  for (const [k, v] of Object.entries(files)) all[`/ws/${k}`] = v;
  const { workspace } = await openWorkspace(memoryHost(all), '/ws');
  return workspace.getIndex();
}
