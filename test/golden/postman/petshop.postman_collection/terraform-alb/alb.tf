# DELETE /api/orders/{}, GET /api/orders/{}, GET /api/pets, GET /api/pets/{}, POST /api/orders, POST /api/pets, PUT /api/pets/{}/photo
resource "aws_lb_listener_rule" "delete_api_orders_e8edd4" {
  listener_arn = var.listener_arn
  priority     = 25237

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
      regex_values = ["^/api/(orders|pets)(/.*)?$"]
    }
  }
}

# GET /api/health
resource "aws_lb_listener_rule" "get_api_health_eb0514" {
  listener_arn = var.listener_arn
  priority     = 25261

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.pets.arn
  }

  condition {
    path_pattern {
      values = ["/api/health"]
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
      values = ["shop.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/*"]
    }
  }
}

resource "aws_lb_target_group" "pets" {
  name        = "pets"
  target_type = "ip"
  protocol    = "HTTP"
  port        = 8080
  vpc_id      = var.vpc_id

  health_check {
    enabled = true
    path    = "/health"
  }

  tags = {
    "gateplan:backend"  = "pets"
    "gateplan:upstream" = "pets.internal:8080"
  }
}

resource "aws_wafv2_web_acl" "rate_limits" {
  name  = "pet-shop-rate-limits"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  #
  rule {
    name     = "gateplan-stage-prod"
    priority = 0

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = 6200
        evaluation_window_sec = 60
        aggregate_key_type    = "IP"

        scope_down_statement {
          byte_match_statement {
            search_string         = "shop.example.com"
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
      metric_name                = "gateplan-stage-prod"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "gateplan-PetShop"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "rate_limits" {
  resource_arn = var.load_balancer_arn
  web_acl_arn  = aws_wafv2_web_acl.rate_limits.arn
}
