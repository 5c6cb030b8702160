# GET /api/items, GET /api/items/{}
resource "aws_lb_listener_rule" "get_api_items_201867" {
  listener_arn = var.listener_arn
  priority     = 29400

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.stock.arn
  }

  condition {
    path_pattern {
      values = ["/api/items", "/api/items/*"]
    }
  }
  condition {
    http_request_method {
      values = ["GET", "HEAD"]
    }
  }
}

# DELETE /api/items/{}, POST /api/items
resource "aws_lb_listener_rule" "delete_api_items_f4893d" {
  listener_arn = var.listener_arn
  priority     = 29418

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.lambda_inventory_writer.arn
  }

  condition {
    path_pattern {
      values = ["/api/items", "/api/items/*"]
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

# ANY /api/reports/{+}
resource "aws_lb_listener_rule" "any_api_reports_4b8583" {
  listener_arn = var.listener_arn
  priority     = 34380

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.http_reports_example_com.arn
  }

  condition {
    path_pattern {
      values = ["/api/reports/*"]
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

resource "aws_lb_target_group" "http_reports_example_com" {
  name        = "http-reports-example-com"
  target_type = "ip"
  protocol    = "HTTPS"
  port        = 443
  vpc_id      = var.vpc_id

  health_check {
    enabled = true
    path    = "/"
  }

  tags = {
    "gateplan:backend"  = "http-reports-example-com"
    "gateplan:upstream" = "reports.example.com"
  }
}

resource "aws_lb_target_group" "lambda_inventory_writer" {
  name        = "lambda-inventory-writer"
  target_type = "lambda"

  health_check {
    enabled = false
  }

  tags = {
    "gateplan:backend" = "lambda-inventory-writer"
  }
}

resource "aws_lb_target_group" "stock" {
  name        = "stock"
  target_type = "ip"
  protocol    = "HTTP"
  port        = 8080
  vpc_id      = var.vpc_id

  health_check {
    enabled = true
    path    = "/status"
  }

  tags = {
    "gateplan:backend"  = "stock"
    "gateplan:upstream" = "stock.internal:8080"
  }
}

resource "aws_lambda_permission" "alb_lambda_inventory_writer" {
  statement_id  = "AllowAlb-lambda_inventory_writer"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-east-1:123456789012:function:inventory-writer"
  principal     = "elasticloadbalancing.amazonaws.com"
  source_arn    = aws_lb_target_group.lambda_inventory_writer.arn
}

resource "aws_lb_target_group_attachment" "lambda_inventory_writer" {
  target_group_arn = aws_lb_target_group.lambda_inventory_writer.arn
  target_id        = "arn:aws:lambda:us-east-1:123456789012:function:inventory-writer"
  depends_on       = [aws_lambda_permission.alb_lambda_inventory_writer]
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
