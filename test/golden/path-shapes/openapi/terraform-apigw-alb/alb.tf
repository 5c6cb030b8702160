resource "aws_lb" "this" {
  name               = "path-shapes"
  load_balancer_type = "application"
  internal           = true
  subnets            = var.subnet_ids
  security_groups    = var.security_group_ids
  tags = {
    "gateplan:api" = "Path shapes"
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

# DELETE /users/{}, GET /2010-04-01/Accounts/{}.json, GET /2010-04-01/Accounts/{}/Calls.json, GET /2010-04-01/Accounts/{}/Calls/{}.json, GET /odata/$metadata, GET /repos/{}/{}/compare/{}...{}, GET /users/{}, GET /users/{}/posts, POST /2010-04-01/Accounts/{}/Calls.json, POST /responses
resource "aws_lb_listener_rule" "delete_users_e1b99c" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 3117

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }

  condition {
    path_pattern {
      regex_values = ["^/prod(/2010-04-01/.*|/users/.*|/odata/.*|/repos/.*|/responses)$"]
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

# GET /files/{}/thumbnail.{}
resource "aws_lb_listener_rule" "get_files_thumbnail_a979b6" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 27243

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.files.arn
  }

  condition {
    path_pattern {
      values = ["/prod/files/*"]
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

# POST /responses?beta=true
resource "aws_lb_listener_rule" "post_responses_beta_true_1b02dd" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 34206

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }

  condition {
    path_pattern {
      values = ["/prod/responses"]
    }
  }
  condition {
    http_request_method {
      values = ["POST"]
    }
  }
  condition {
    query_string {
      key   = "beta"
      value = "true"
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

resource "aws_lb_target_group" "api" {
  name        = "api"
  target_type = "ip"
  protocol    = "HTTPS"
  port        = 8443
  vpc_id      = var.vpc_id

  health_check {
    enabled = true
    path    = "/"
  }

  tags = {
    "gateplan:backend"  = "api"
    "gateplan:upstream" = "api.internal:8443"
  }
}

resource "aws_lb_target_group" "files" {
  name        = "files"
  target_type = "lambda"

  health_check {
    enabled = false
  }

  tags = {
    "gateplan:backend" = "files"
  }
}

resource "aws_lambda_permission" "alb_files" {
  statement_id  = "AllowAlb-files"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-east-1:123456789012:function:files"
  principal     = "elasticloadbalancing.amazonaws.com"
  source_arn    = aws_lb_target_group.files.arn
}

resource "aws_lb_target_group_attachment" "files" {
  target_group_arn = aws_lb_target_group.files.arn
  target_id        = "arn:aws:lambda:us-east-1:123456789012:function:files"
  depends_on       = [aws_lambda_permission.alb_files]
}
