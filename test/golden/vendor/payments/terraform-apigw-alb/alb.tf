resource "aws_lb" "this" {
  name               = "payments"
  load_balancer_type = "application"
  internal           = true
  subnets            = var.subnet_ids
  security_groups    = var.security_group_ids
  tags = {
    "gateplan:api" = "Payments"
  }
}

resource "aws_lb_listener" "main" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "application/json"
      message_body = "{\"message\":\"Not Found\"}"
      status_code  = "404"
    }
  }
}

# GET /v1/charges, GET /v1/charges/{}, GET /v1/status, POST /v1/charges
resource "aws_lb_listener_rule" "get_v1_charges_add160" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 36329

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.payments.arn
  }

  condition {
    path_pattern {
      values = ["/prod/v1/*"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/prod/?(.*)$"
        replace = "/$1"
      }
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
