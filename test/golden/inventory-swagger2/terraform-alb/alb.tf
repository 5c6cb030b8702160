# ANY /api/reports/{+}, DELETE /api/items/{}, GET /api/items, GET /api/items/{}, POST /api/items
resource "aws_lb_listener_rule" "any_api_reports_cb4ad4" {
  listener_arn = var.listener_arn
  priority     = 29465

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
      values = ["/api/items", "/api/items/*", "/api/reports/*"]
    }
  }
}

# GET /api/ping
resource "aws_lb_listener_rule" "get_api_ping_358479" {
  listener_arn = var.listener_arn
  priority     = 33322

  action {
    type = "fixed-response"

    fixed_response {
      content_type = "application/json"
      message_body = ""
      status_code  = "200"
    }
  }

  condition {
    path_pattern {
      values = ["/api/ping"]
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
    host_header {
      values = ["inventory.example.com", "staging.inventory.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/*"]
    }
  }
}

resource "aws_wafv2_web_acl" "rate_limits" {
  name  = "warehouse-inventory-rate-limits"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  #
  rule {
    name     = "gateplan-stage-live"
    priority = 0

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = 12400
        evaluation_window_sec = 60
        aggregate_key_type    = "IP"

        scope_down_statement {
          byte_match_statement {
            search_string         = "inventory.example.com"
            positional_constraint = "EXACTLY"

            field_to_match {
              single_header {
                name = "host"
              }
            }

            text_transformation {
              priority = 0
              type     = "LOWERCASE"
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "gateplan-stage-live"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "gateplan-WarehouseInventory"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "rate_limits" {
  resource_arn = var.load_balancer_arn
  web_acl_arn  = aws_wafv2_web_acl.rate_limits.arn
}
