#!/usr/bin/env node
// Validates the Kubernetes side of SOL Duel offline, since no API server runs on the development
// machines (kubectl cannot validate without one). Run by scripts/test.sh; `npm ci` here first.
//   - deploy/solduels.solduel.com-v1.yml: a valid CustomResourceDefinition (kubernetes-models), whose
//     openAPIV3Schema ajv compiles;
//   - samples/sol-duel.yaml against that schema, and refused specs the schema must reject;
//   - manifests/*.yaml and deploy/operator.yaml: every built-in kind against the Kubernetes OpenAPI
//     schemas (kubernetes-models), ServiceMonitor and PrometheusRule against the Prometheus
//     Operator's (@kubernetes-models/prometheus-operator), the CloudNativePG Cluster and the OpsTree
//     RedisCluster against schemas/*.json (written down from their published CRDs, see there);
//   - kustomization.yaml lists exactly the files next to it.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import Ajv from 'ajv';
import * as core from 'kubernetes-models/v1';
import * as apps from 'kubernetes-models/apps/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as rbac from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import * as apiextensions from 'kubernetes-models/apiextensions.k8s.io/v1';
import * as monitoring from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';

const here = dirname(fileURLToPath(import.meta.url));
const module = join(here, '..');
const problems = [];
let checked = 0;

const models = {
  'v1/ConfigMap': core.ConfigMap, 'v1/Service': core.Service, 'v1/Namespace': core.Namespace,
  'v1/ServiceAccount': core.ServiceAccount, 'apps/v1/Deployment': apps.Deployment,
  'networking.k8s.io/v1/Ingress': networking.Ingress, 'networking.k8s.io/v1/NetworkPolicy': networking.NetworkPolicy, 'policy/v1/PodDisruptionBudget': policy.PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': autoscaling.HorizontalPodAutoscaler,
  'rbac.authorization.k8s.io/v1/ClusterRole': rbac.ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': rbac.ClusterRoleBinding,
  'apiextensions.k8s.io/v1/CustomResourceDefinition': apiextensions.CustomResourceDefinition,
  'monitoring.coreos.com/v1/ServiceMonitor': monitoring.ServiceMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': monitoring.PrometheusRule,
};

// The API server's schema dialect: OpenAPI v3 with Kubernetes' x- extensions, which ajv must accept.
const ajv = new Ajv({ allErrors: true, strict: false });
for (const keyword of ['x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-validations']) {
  ajv.addKeyword(keyword);
}
const schemaOf = (file) => ajv.compile(JSON.parse(readFileSync(join(here, 'schemas', file), 'utf8')));
const customSchemas = {
  'postgresql.cnpg.io/v1/Cluster': schemaOf('cnpg-cluster.json'),
  'redis.redis.opstreelabs.in/v1beta1/RedisCluster': schemaOf('opstree-rediscluster.json'),
};

const documents = (file) => YAML.parseAllDocuments(readFileSync(file, 'utf8')).map((d) => {
  if (d.errors.length) problems.push(`${file}: ${d.errors[0].message}`);
  return d.toJS();
}).filter(Boolean);

function validateObject(where, object) {
  checked++;
  const key = `${object.apiVersion}/${object.kind}`;
  if (!object.metadata?.name) problems.push(`${where}: ${key} has no metadata.name`);
  const Model = models[key];
  if (Model) {
    try {
      new Model(object).validate();
    } catch (e) {
      problems.push(`${where}: ${key} ${object.metadata?.name}: ${e.message}`);
    }
    return;
  }
  const schema = customSchemas[key];
  if (!schema) {
    problems.push(`${where}: no schema for ${key}; add one to validate.mjs`);
  } else if (!schema(object)) {
    problems.push(`${where}: ${key} ${object.metadata?.name}: ${ajv.errorsText(schema.errors)}`);
  }
}

// 1. The CRD, and the SolDuel schema it carries.
const crdFile = join(module, 'deploy', 'solduels.solduel.com-v1.yml');
const [crd] = documents(crdFile);
validateObject(crdFile, crd);
const version = crd.spec.versions.find((v) => v.name === 'v1alpha1');
if (!version?.subresources?.status) problems.push(`${crdFile}: v1alpha1 has no status subresource`);
const solDuelSchema = ajv.compile(version.schema.openAPIV3Schema);

// 2. The sample is accepted; specs the API server must refuse are refused by the schema alone.
const sampleFile = join(module, 'samples', 'sol-duel.yaml');
const [sample] = documents(sampleFile);
checked++;
if (!solDuelSchema(sample)) problems.push(`${sampleFile}: ${ajv.errorsText(solDuelSchema.errors)}`);
const refused = {
  'no RPC endpoint': (s) => { s.spec.rpcPool.endpoints = []; },
  'negative replicas': (s) => { s.spec.engine.replicas = -1; },
  'an RPC URL that is not http(s)': (s) => { s.spec.rpcPool.endpoints[0].url = 'ftp://example.com'; },
  'an unknown environment': (s) => { s.spec.environment = 'prod'; },
  'a backup time that is not HH:MM': (s) => { s.spec.backup.schedule = '0 2 * * *'; },
  'no image': (s) => { delete s.spec.image; },
  'no database secret': (s) => { delete s.spec.database.credentialsSecret; },
};
for (const [what, change] of Object.entries(refused)) {
  const bad = structuredClone(sample);
  change(bad);
  checked++;
  if (solDuelSchema(bad)) problems.push(`the CRD schema accepts a SolDuel with ${what}`);
}

// 3. The rendered manifests and the operator's own.
for (const dir of ['manifests', 'deploy']) {
  const files = readdirSync(join(module, dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const kustomization = files.includes('kustomization.yaml')
    ? documents(join(module, dir, 'kustomization.yaml'))[0] : null;
  if (!kustomization) {
    problems.push(`${dir}/ has no kustomization.yaml`);
  } else {
    const listed = [...kustomization.resources].sort();
    const present = files.filter((f) => f !== 'kustomization.yaml');
    if (JSON.stringify(listed) !== JSON.stringify(present)) {
      problems.push(`${dir}/kustomization.yaml lists ${listed.join(', ')} but the directory holds ${present.join(', ')}`);
    }
  }
  for (const file of files.filter((f) => f !== 'kustomization.yaml' && !f.startsWith('solduels.'))) {
    for (const object of documents(join(module, dir, file))) validateObject(`${dir}/${file}`, object);
  }
}

if (problems.length) {
  console.error(`Kubernetes manifests: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log(`Kubernetes manifests: ${checked} objects and specs checked, all valid (CRD, sample, manifests/, deploy/)`);
