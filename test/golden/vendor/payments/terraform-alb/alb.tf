# GET /v1/charges, GET /v1/charges/{}, GET /v1/status, POST /v1/charges
resource "aws_lb_listener_rule" "get_v1_charges_e9b5bc" {
  listener_arn = var.listener_arn
  priority     = 36413

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.payments.arn
  }

  condition {
    path_pattern {
      values = ["/v1/*"]
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

resource "aws_lb_target_group" "payments" {
  name        = "payments"
  target_type = "ip"
  protocol    = "HTTPS"
  port        = 443
  vpc_id      = var.vpc_id

  health_check {
    enabled = true
    path    = "/"
  }

  tags = {
    "gateplan:backend"  = "payments"
    "gateplan:upstream" = "api.payments.example.com"
  }
}
