# GET /events/{}, POST /events, POST /queries
resource "aws_lb_listener_rule" "get_events_0489a4" {
  listener_arn = var.listener_arn
  priority     = 27381

  action {
    type = "fixed-response"

    fixed_response {
      content_type = "application/json"
      message_body = "{\"message\":\"Unauthorized\"}"
      status_code  = "401"
    }
  }

  condition {
    path_pattern {
      values = ["/events", "/events/*", "/queries"]
    }
  }
}

# GET /events/{}, POST /events, POST /queries
resource "aws_lb_listener_rule" "get_events_8b386a" {
  listener_arn = var.listener_arn
  priority     = 27447

  action {
    type = "fixed-response"

    fixed_response {
      content_type = "application/json"
      message_body = "{\"message\":\"Unauthorized\"}"
      status_code  = "401"
    }
  }

  condition {
    path_pattern {
      values = ["/beta/events", "/beta/events/*", "/beta/queries"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/beta/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# ANY /v1/{+}
resource "aws_lb_listener_rule" "any_v1_7e5fab" {
  listener_arn = var.listener_arn
  priority     = 36028

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.legacy.arn
  }

  condition {
    path_pattern {
      values = ["/v1/*"]
    }
  }
}

# ANY /v1/{+}
resource "aws_lb_listener_rule" "any_v1_d9c746" {
  listener_arn = var.listener_arn
  priority     = 36327

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.legacy.arn
  }

  condition {
    path_pattern {
      values = ["/beta/v1/*"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/beta/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# requests no other rule matches
resource "aws_lb_listener_rule" "fallback_325e84" {
  listener_arn = var.listener_arn
  priority     = 50000

  action {
    type = "fixed-response"

    fixed_response {
      content_type = "application/json"
      message_body = "{\"message\":\"Not Found\"}"
      status_code  = "404"
    }
  }

  condition {
    path_pattern {
      values = ["/*"]
    }
  }
}

resource "aws_lb_target_group" "legacy" {
  name        = "legacy"
  target_type = "lambda"

  health_check {
    enabled = false
  }

  tags = {
    "gateplan:backend" = "legacy"
  }
}

resource "aws_lambda_permission" "alb_legacy" {
  statement_id  = "AllowAlb-legacy"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-west-2:210987654321:function:events-legacy"
  principal     = "elasticloadbalancing.amazonaws.com"
  source_arn    = aws_lb_target_group.legacy.arn
}

resource "aws_lb_target_group_attachment" "legacy" {
  target_group_arn = aws_lb_target_group.legacy.arn
  target_id        = "arn:aws:lambda:us-west-2:210987654321:function:events-legacy"
  depends_on       = [aws_lambda_permission.alb_legacy]
}

resource "aws_wafv2_web_acl" "rate_limits" {
  name  = "events-ingest-rate-limits"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  # POST /events
  rule {
    name     = "gateplan-routes-500-per-s-burst-1000"
    priority = 0

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = 31000
        evaluation_window_sec = 60
        aggregate_key_type    = "IP"

        scope_down_statement {
          and_statement {
            statement {
              byte_match_statement {
                search_string         = "POST"
                positional_constraint = "EXACTLY"

                field_to_match {
                  method {}
                }

                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
            statement {
              regex_match_statement {
                regex_string = "^(/beta|)/events$"

                field_to_match {
                  uri_path {}
                }

                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "gateplan-routes-500-per-s-burst-1000"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "gateplan-EventsIngest"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "rate_limits" {
  resource_arn = var.load_balancer_arn
  web_acl_arn  = aws_wafv2_web_acl.rate_limits.arn
}
