resource "aws_lb" "this" {
  name               = "events-ingest"
  load_balancer_type = "application"
  internal           = true
  subnets            = var.subnet_ids
  security_groups    = var.security_group_ids
  tags = {
    "gateplan:api" = "Events Ingest"
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

# GET /events/{}, POST /queries
resource "aws_lb_listener_rule" "get_events_0a5e65" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 27026

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.query.arn
  }

  condition {
    path_pattern {
      values = ["/beta/events/*", "/beta/queries"]
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

# POST /events
resource "aws_lb_listener_rule" "post_events_e9c85c" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 27181

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ingest.arn
  }

  condition {
    path_pattern {
      values = ["/v3/events"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/v3/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# POST /events
resource "aws_lb_listener_rule" "post_events_1847a2" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 27203

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ingest.arn
  }

  condition {
    path_pattern {
      values = ["/beta/events"]
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

# GET /events/{}, POST /queries
resource "aws_lb_listener_rule" "get_events_902936" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 27235

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.query.arn
  }

  condition {
    path_pattern {
      values = ["/v3/events/*", "/v3/queries"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/v3/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# ANY /v1/{+}
resource "aws_lb_listener_rule" "any_v1_d9c746" {
  listener_arn = aws_lb_listener.main.arn
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

# ANY /v1/{+}
resource "aws_lb_listener_rule" "any_v1_fda370" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 36449

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.legacy.arn
  }

  condition {
    path_pattern {
      values = ["/v3/v1/*"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/v3/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

resource "aws_lb_target_group" "ingest" {
  name                          = "ingest"
  target_type                   = "ip"
  protocol                      = "HTTP"
  port                          = 7000
  protocol_version              = "HTTP2"
  vpc_id                        = var.vpc_id
  load_balancing_algorithm_type = "least_outstanding_requests"

  health_check {
    enabled = true
    path    = "/healthz"
  }

  tags = {
    "gateplan:backend"  = "ingest"
    "gateplan:upstream" = "ingest.internal:7000"
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

resource "aws_lb_target_group" "query" {
  name        = "query"
  target_type = "ip"
  protocol    = "HTTP"
  port        = 7100
  vpc_id      = var.vpc_id

  health_check {
    enabled = true
    path    = "/"
  }

  stickiness {
    type            = "app_cookie"
    enabled         = true
    cookie_duration = 600
    cookie_name     = "QSESSION"
  }

  tags = {
    "gateplan:backend"  = "query"
    "gateplan:upstream" = "query.internal:7100"
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
