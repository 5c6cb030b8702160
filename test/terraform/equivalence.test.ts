import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/targets/generate.js';
import { targets } from '../../src/targets/registry.js';
import { compileAlb } from '../../src/targets/alb/compile.js';
import { fallbackRule } from '../../src/targets/alb/cloudformation.js';
import type { AlbPlan } from '../../src/targets/alb/plan.js';
import { planTerraform } from '../../src/targets/terraform/index.js';
import type { RouteModel } from '../../src/model/types.js';
import { exampleSpecs, modelOf } from '../support/pipeline.js';
import { literal } from './support/hcl.js';
import { parseModule, type ParsedModule } from './support/check.js';

/**
 * The Terraform and CloudFormation outputs of each example declare the same thing: the
 * same import document (so the same API routes and integrations), the same stages,
 * throttles, canaries and permissions, and the same listener rules.
 */

type Json = Record<string, unknown>;
type Cfn = { Resources: Record<string, { Type: string; Properties: Json }> };

function cfnOf(model: RouteModel, target: string): { template: Cfn; files: Record<string, string> } {
  const { artifacts } = generate(model, { targets: [target] });
  const files = Object.fromEntries(artifacts.map((a) => [a.path.replace(`${target}/`, ''), a.content]));
  return { template: parseYaml(files['template.yaml']!) as Cfn, files };
}

async function tfOf(
  model: RouteModel,
  door: string,
): Promise<{ module: ParsedModule; files: Record<string, string> }> {
  const { artifacts } = planTerraform(model, { for: door });
  const files = Object.fromEntries(artifacts.map((a) => [a.path, a.content]));
  return { module: await parseModule(files), files };
}

/** `{ "Fn::Sub": "${X}" }` → `${X}`: the document as API Gateway receives it, parameters unfilled. */
function unSub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unSub);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'Fn::Sub' && typeof (value as Json)['Fn::Sub'] === 'string')
      return (value as Json)['Fn::Sub'];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unSub(v)]));
  }
  return value;
}

/** The document a Terraform module imports: `templatefile()` turns `$${` back into `${`. */
function tfDocument(files: Record<string, string>, name: string, tf: string): unknown {
  const text = files[name]!;
  return JSON.parse(
    files[tf]!.includes(`templatefile("\${path.module}/${name}"`)
      ? literal(text.replace(/\$\{([A-Za-z0-9]+)\}/g, '$$${$1}'))
      : text,
  );
}

/** Every import document of a CloudFormation stack: the inline bodies, or the files the stack reads from S3. */
function cfnDocuments(cfn: { template: Cfn; files: Record<string, string> }, type: string): unknown[] {
  const parameters = (cfn.template as unknown as { Parameters?: Record<string, Json> }).Parameters ?? {};
  return resources(cfn.template, type).map((api) => {
    if (api['Body']) return unSub(api['Body']);
    const keyParam = String(((api['BodyS3Location'] as Json)['Key'] as Json)['Ref']);
    const key = String(parameters[keyParam]!['Default']);
    const file = key.slice(key.lastIndexOf('/') + 1).replace(/-[0-9a-f]{10}\.json$/, '.json');
    return JSON.parse(cfn.files[file]!);
  });
}

/** Every import document of a Terraform module (`openapi-rest.json`, `openapi-rest-v1-customers.json` …). */
function tfDocuments(files: Record<string, string>, stem: string, tf: string): unknown[] {
  return Object.keys(files)
    .filter((name) => name.startsWith(stem) && name.endsWith('.json'))
    .map((name) => tfDocument(files, name, tf));
}

const byRoutes = (docs: unknown[]) =>
  [...docs].sort((a, b) => (routesOf(a).join() < routesOf(b).join() ? -1 : 1));

function routesOf(document: unknown): string[] {
  const paths = ((document as Json)['paths'] ?? {}) as Record<string, Json>;
  return Object.entries(paths)
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((k) => k !== 'parameters')
        .map((method) => `${method} ${path}`),
    )
    .sort();
}

function resources(template: Cfn, type: string): Json[] {
  return Object.values(template.Resources)
    .filter((r) => r.Type === type)
    .map((r) => r.Properties);
}

function tfResources(module: ParsedModule, type: string): Json[] {
  return [...module.resources].filter(([k]) => k.startsWith(`${type}.`)).map(([, body]) => body);
}

/** A stage variable value: literal text, or the parameter / variable that supplies it. */
function cfnValue(v: unknown): string {
  return typeof v === 'string' ? v : `param:${snake(String((v as Json)['Ref']))}`;
}
function tfValue(v: unknown): string {
  const ref = /^\$\{var\.(\w+)\}$/.exec(String(v));
  return ref ? `param:${ref[1]}` : literal(String(v));
}
function snake(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
const values = (o: unknown, f: (v: unknown) => string) =>
  Object.fromEntries(Object.entries((o ?? {}) as Json).map(([k, v]) => [k, f(v)]));

describe('Terraform declares what CloudFormation declares', () => {
  for (const spec of exampleSpecs()) {
    describe(spec, () => {
      it('REST API: same document, stages, method throttles, canary, usage plans and permissions', async () => {
        const model = await modelOf(spec);
        const cfn = cfnOf(model, 'apigw-rest');
        const tf = await tfOf(model, 'apigw-rest');
        const documents = byRoutes(tfDocuments(tf.files, 'openapi-rest', 'apigw_rest.tf'));
        expect(documents.map(routesOf)).toEqual(
          byRoutes(cfnDocuments(cfn, 'AWS::ApiGateway::RestApi')).map(routesOf),
        );
        expect(documents.flatMap(routesOf).length).toBeGreaterThan(0);
        expect(documents).toEqual(byRoutes(cfnDocuments(cfn, 'AWS::ApiGateway::RestApi')));

        const cfnStages = resources(cfn.template, 'AWS::ApiGateway::Stage').map((s) => ({
          name: s['StageName'],
          variables: values(s['Variables'], cfnValue),
          canary: s['CanarySetting']
            ? {
                percent: (s['CanarySetting'] as Json)['PercentTraffic'],
                overrides: values((s['CanarySetting'] as Json)['StageVariableOverrides'], cfnValue),
              }
            : undefined,
          throttles: ((s['MethodSettings'] ?? []) as Json[])
            .map((m) => {
              // CloudFormation writes `/` + the resource path with each `/` escaped as `~1`.
              const raw = String(m['ResourcePath']);
              const path = raw === '/*' ? '*' : raw.slice(1).replace(/~1/g, '/');
              return `${path} ${m['HttpMethod']} ${m['ThrottlingRateLimit']}/${m['ThrottlingBurstLimit']}`;
            })
            .sort(),
        }));
        const settings = tfResources(tf.module, 'aws_api_gateway_method_settings');
        const tfStages = tfResources(tf.module, 'aws_api_gateway_stage').map((s) => {
          const canary = (s['canary_settings'] as Json[] | undefined)?.[0];
          return {
            name: s['stage_name'],
            variables: values(s['variables'], tfValue),
            canary: canary
              ? {
                  percent: canary['percent_traffic'],
                  overrides: values(canary['stage_variable_overrides'], tfValue),
                }
              : undefined,
            throttles: settings
              .filter((m) =>
                String(m['stage_name']).includes(`aws_api_gateway_stage.${String(s['stage_name'])}.`),
              )
              .map((m) => {
                const path = String(m['method_path']);
                const at = path.lastIndexOf('/');
                const resource = path.slice(0, at) === '*' ? '*' : `/${path.slice(0, at)}`;
                const t = (m['settings'] as Json[])[0]!;
                return `${resource} ${path.slice(at + 1)} ${t['throttling_rate_limit']}/${t['throttling_burst_limit']}`;
              })
              .sort(),
          };
        });
        expect(tfStages.sort(byName)).toEqual(cfnStages.sort(byName));

        const cfnPlans = resources(cfn.template, 'AWS::ApiGateway::UsagePlan').map((p) => [
          p['UsagePlanName'],
          p['Throttle'] ?? null,
          p['Quota'] ?? null,
        ]);
        const tfPlans = tfResources(tf.module, 'aws_api_gateway_usage_plan').map((p) => {
          const t = (p['throttle_settings'] as Json[] | undefined)?.[0];
          const q = (p['quota_settings'] as Json[] | undefined)?.[0];
          return [
            p['name'],
            t ? { RateLimit: t['rate_limit'], BurstLimit: t['burst_limit'] } : null,
            q
              ? {
                  Limit: q['limit'],
                  Period: q['period'],
                  ...(q['offset'] !== undefined ? { Offset: q['offset'] } : {}),
                }
              : null,
          ];
        });
        expect(tfPlans.sort()).toEqual(cfnPlans.sort());
        expect(tfResources(tf.module, 'aws_api_gateway_usage_plan_key').length).toBe(
          resources(cfn.template, 'AWS::ApiGateway::UsagePlanKey').length,
        );
        expect(functions(tfResources(tf.module, 'aws_lambda_permission'), 'function_name')).toEqual(
          functions(resources(cfn.template, 'AWS::Lambda::Permission'), 'FunctionName'),
        );
      });

      it('HTTP API: same document, stages, route throttles and permissions', async () => {
        const model = await modelOf(spec);
        const cfn = cfnOf(model, 'apigw-http');
        const tf = await tfOf(model, 'apigw-http');
        const documents = byRoutes(tfDocuments(tf.files, 'openapi-http', 'apigw_http.tf'));
        expect(documents.map(routesOf)).toEqual(
          byRoutes(cfnDocuments(cfn, 'AWS::ApiGatewayV2::Api')).map(routesOf),
        );
        expect(documents).toEqual(byRoutes(cfnDocuments(cfn, 'AWS::ApiGatewayV2::Api')));

        const throttle = (t: Json | undefined) =>
          t
            ? `${t['ThrottlingRateLimit'] ?? t['throttling_rate_limit']}/${t['ThrottlingBurstLimit'] ?? t['throttling_burst_limit']}`
            : null;
        const cfnStages = resources(cfn.template, 'AWS::ApiGatewayV2::Stage').map((s) => ({
          name: s['StageName'],
          variables: values(s['StageVariables'], cfnValue),
          default: throttle(s['DefaultRouteSettings'] as Json | undefined),
          routes: Object.entries((s['RouteSettings'] ?? {}) as Record<string, Json>)
            .map(([key, t]) => `${key} ${throttle(t)}`)
            .sort(),
        }));
        const tfStages = tfResources(tf.module, 'aws_apigatewayv2_stage').map((s) => ({
          name: s['name'],
          variables: values(s['stage_variables'], tfValue),
          default: throttle((s['default_route_settings'] as Json[] | undefined)?.[0]),
          routes: ((s['route_settings'] ?? []) as Json[])
            .map((r) => `${literal(String(r['route_key']))} ${throttle(r)}`)
            .sort(),
        }));
        expect(tfStages.sort(byName)).toEqual(cfnStages.sort(byName));
        expect(functions(tfResources(tf.module, 'aws_lambda_permission'), 'function_name')).toEqual(
          functions(resources(cfn.template, 'AWS::Lambda::Permission'), 'FunctionName'),
        );
      });

      it('ALB: the listener rules of the compiled plan, rule for rule', async () => {
        const model = await modelOf(spec);
        const tf = await tfOf(model, 'alb');
        expect(tfRules(tf.module)).toEqual(planRules(model, compileAlb(model)));
      });

      it.runIf(targets['alb'] !== undefined)(
        'ALB: same listener rules (priority, conditions, targets) and target groups',
        async () => {
          const model = await modelOf(spec);
          const cfn = cfnOf(model, 'alb');
          const tf = await tfOf(model, 'alb');
          expect(tfRules(tf.module)).toEqual(cfnRules(cfn.template));
          expect(tfRules(tf.module).length).toBeGreaterThan(0);
        },
      );
    });
  }
});

if (!targets['alb'])
  console.warn('[gateplan] the alb target is not registered yet: the ALB equivalence test is SKIPPED.');

function byName(a: { name: unknown }, b: { name: unknown }): number {
  return String(a.name) < String(b.name) ? -1 : 1;
}

function functions(permissions: Json[], key: string): string[] {
  return permissions
    .map((p) => (typeof p[key] === 'string' ? literal(p[key] as string) : JSON.stringify(p[key])))
    .sort();
}

/** A listener rule as both formats can say it: priority, conditions and weighted backends. */
interface Rule {
  priority: number;
  conditions: string[];
  targets: string[];
}

function cfnRules(template: Cfn): Rule[] {
  const backendOf = new Map<string, string>();
  for (const [id, r] of Object.entries(template.Resources)) {
    if (r.Type !== 'AWS::ElasticLoadBalancingV2::TargetGroup') continue;
    const tag = ((r.Properties['Tags'] ?? []) as Json[]).find((t) => t['Key'] === 'gateplan:backend');
    backendOf.set(id, String(tag?.['Value']));
  }
  const tgOf = (arn: unknown) =>
    backendOf.get(
      String((arn as Json)['Ref'] ?? ((arn as Json)['Fn::GetAtt'] as string[] | undefined)?.[0]),
    ) ?? '?';
  return resources(template, 'AWS::ElasticLoadBalancingV2::ListenerRule')
    .map((r) => {
      const forward = ((r['Actions'] ?? []) as Json[]).find((a) => a['Type'] === 'forward');
      const groups = forward?.['ForwardConfig']
        ? (((forward['ForwardConfig'] as Json)['TargetGroups'] ?? []) as Json[])
        : [];
      const targets = groups.length
        ? groups.map((g) => `${tgOf(g['TargetGroupArn'])}${groups.length > 1 ? `:${g['Weight']}` : ''}`)
        : forward
          ? [tgOf(forward['TargetGroupArn'])]
          : ((r['Actions'] ?? []) as Json[]).map((a) => String(a['Type']));
      const conditions = ((r['Conditions'] ?? []) as Json[]).map((c) => {
        const config = Object.entries(c).find(([k]) => k.endsWith('Config'))?.[1] as Json | undefined;
        const field = String(c['Field']);
        if (field === 'http-header')
          return `${field} ${config!['HttpHeaderName']} ${JSON.stringify(config!['Values'])}`;
        if (field === 'query-string')
          return `${field} ${JSON.stringify(((config!['Values'] ?? []) as Json[]).map((v) => [v['Key'] ?? null, v['Value']]))}`;
        return config?.['RegexValues']
          ? `${field} regex ${JSON.stringify(config['RegexValues'])}`
          : `${field} ${JSON.stringify(config?.['Values'] ?? c['Values'])}`;
      });
      return { priority: Number(r['Priority']), conditions: conditions.sort(), targets: targets.sort() };
    })
    .sort((a, b) => a.priority - b.priority);
}

/** The plan's rules; on a listener gateplan does not own, the default action is a last rule. */
function planRules(model: RouteModel, plan: AlbPlan): Rule[] {
  return plan.listeners
    .flatMap((l) => (plan.stack === 'full' ? l.rules : [...l.rules, fallbackRule(model, l)]))
    .map((r) => {
      const t = r.actions.terminal;
      const targets =
        t.type === 'forward'
          ? t.targets.map((x) => `${x.backend}${t.targets.length > 1 ? `:${x.weight}` : ''}`)
          : [t.type];
      const conditions = r.conditions.map((c) => {
        if (c.field === 'http-header') return `${c.field} ${c.name} ${JSON.stringify(c.values)}`;
        if (c.field === 'query-string')
          return `${c.field} ${JSON.stringify(c.values.map((v) => [v.key ?? null, v.value]))}`;
        if ('regexValues' in c && c.regexValues) return `${c.field} regex ${JSON.stringify(c.regexValues)}`;
        return `${c.field} ${JSON.stringify(c.values)}`;
      });
      return { priority: r.priority, conditions: conditions.sort(), targets: targets.sort() };
    })
    .sort((a, b) => a.priority - b.priority);
}

/** Terraform condition block → CloudFormation `Field`. */
const CONDITION_FIELDS = {
  path_pattern: 'path-pattern',
  host_header: 'host-header',
  http_header: 'http-header',
  http_request_method: 'http-request-method',
  query_string: 'query-string',
  source_ip: 'source-ip',
};

function tfRules(module: ParsedModule): Rule[] {
  const backendOf = new Map<string, string>();
  for (const [address, body] of module.resources) {
    if (!address.startsWith('aws_lb_target_group.')) continue;
    backendOf.set(address, literal(String((body['tags'] as Json)['gateplan:backend'])));
  }
  const tgOf = (arn: unknown) =>
    backendOf.get(/^\$\{(aws_lb_target_group\.\w+)\.arn\}$/.exec(String(arn))?.[1] ?? '') ?? '?';
  const strs = (v: unknown) => JSON.stringify(((v ?? []) as string[]).map((s) => literal(s)));
  return tfResources(module, 'aws_lb_listener_rule')
    .map((r) => {
      const actions = (r['action'] ?? []) as Json[];
      const forward = actions.find((a) => a['type'] === 'forward');
      const groups = forward?.['forward']
        ? (((forward['forward'] as Json[])[0]!['target_group'] ?? []) as Json[])
        : [];
      const targets = groups.length
        ? groups.map((g) => `${tgOf(g['arn'])}${groups.length > 1 ? `:${g['weight']}` : ''}`)
        : forward
          ? [tgOf(forward['target_group_arn'])]
          : actions.map((a) => String(a['type']));
      const conditions = ((r['condition'] ?? []) as Json[]).map((c) => {
        const [kind, blocks] = Object.entries(c)[0] as [string, Json[]];
        const b = blocks[0]!;
        const field = (CONDITION_FIELDS as Record<string, string>)[kind] ?? kind;
        if (field === 'http-header')
          return `${field} ${literal(String(b['http_header_name']))} ${strs(b['values'])}`;
        if (field === 'query-string')
          return `${field} ${JSON.stringify(blocks.map((q) => [q['key'] === undefined ? null : literal(String(q['key'])), literal(String(q['value']))]))}`;
        return b['regex_values']
          ? `${field} regex ${strs(b['regex_values'])}`
          : `${field} ${strs(b['values'])}`;
      });
      return { priority: Number(r['priority']), conditions: conditions.sort(), targets: targets.sort() };
    })
    .sort((a, b) => a.priority - b.priority);
}
