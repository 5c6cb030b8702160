import { describe, expect, it } from 'vitest';
import { parseModule, schemaProblems } from './support/check.js';
import { providerSchemaFixture, templateResourceTypes } from './support/provider-schema.js';

/** The schema check must be able to fail: each mistake here is one the AWS provider rejects. */
describe('the provider schema check', () => {
  it('names a missing required argument or block', async () => {
    const module = await parseModule({
      'main.tf': 'resource "aws_lb_listener_rule" "r" {\n  priority = 1\n}\n',
    });
    expect(schemaProblems(module).sort()).toEqual([
      'aws_lb_listener_rule.r: missing required argument listener_arn',
      'aws_lb_listener_rule.r: missing required block action',
      'aws_lb_listener_rule.r: missing required block condition',
    ]);
  });

  it('accepts a correct resource', async () => {
    const module = await parseModule({
      'main.tf': `variable "arn" {
  type = string
}

resource "aws_lb_listener_rule" "r" {
  listener_arn = var.arn
  priority     = 10

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.t.arn
  }

  condition {
    path_pattern {
      values = ["/a"]
    }
  }
}

resource "aws_lb_target_group" "t" {
  name = "t"
  tags = { a = "b" }
}
`,
    });
    expect(schemaProblems(module)).toEqual([]);
  });

  it('names unknown types and arguments, blocks written as arguments, bad types and dangling references', async () => {
    const module = await parseModule({
      'main.tf': `resource "aws_lb_listener_rule" "r" {
  listener_arn = var.missing
  priority     = "high"
  colour       = "blue"
  action       = "forward"

  condition {
    path_pattern {
      values = "/a"
    }
  }
}

resource "aws_lb_target_group" "t" {
  tags = ["a"]
  vpc_id = aws_lb.nowhere.id
}

resource "aws_lb_target_group" "u" {
  name = aws_lb_target_group.t.no_such_attribute
}

resource "aws_no_such_thing" "x" {}
`,
    });
    expect(schemaProblems(module).sort()).toEqual(
      [
        'aws_lb_listener_rule.r: priority must be a number, not "high"',
        'aws_lb_listener_rule.r: unknown argument or block colour',
        'aws_lb_listener_rule.r: action is a block, written as an argument',
        'aws_lb_listener_rule.r.condition.path_pattern: values must be a stringList, not "/a"',
        'aws_lb_target_group.t: tags must be a stringMap, not ["a"]',
        'aws_no_such_thing.x: aws_no_such_thing is not in the provider-schema fixture (run `npm run provider-schema`)',
        'main.tf: var.missing is not declared',
        'main.tf: aws_lb.nowhere is not declared',
        'main.tf: aws_lb_target_group has no attribute no_such_attribute',
      ].sort(),
    );
  });
});

describe('the provider-schema fixture', () => {
  it('covers every resource type the templates declare, each one the provider has', () => {
    const fixture = providerSchemaFixture();
    expect(Object.keys(fixture.resources).sort()).toEqual(templateResourceTypes());
    for (const [type, schema] of Object.entries(fixture.resources)) {
      expect(schema, `${type} in ${fixture.provider}`).not.toBeNull();
      expect(Object.keys(schema!.arguments).length, type).toBeGreaterThan(0);
    }
  });
});
