# DELETE /users/{}, GET /2010-04-01/Accounts/{}.json, GET /2010-04-01/Accounts/{}/Calls.json, GET /2010-04-01/Accounts/{}/Calls/{}.json, GET /odata/$metadata, GET /repos/{}/{}/compare/{}...{}, GET /users/{}, GET /users/{}/posts, POST /2010-04-01/Accounts/{}/Calls.json, POST /responses
resource "aws_lb_listener_rule" "delete_users_dbce39" {
  listener_arn = var.listener_arn
  priority     = 3178

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }

  condition {
    path_pattern {
      regex_values = ["^(/2010-04-01/.*|/users/.*|/odata/.*|/repos/.*|/responses)$"]
    }
  }
}

# GET /files/{}/thumbnail.{}
resource "aws_lb_listener_rule" "get_files_thumbnail_f60772" {
  listener_arn = var.listener_arn
  priority     = 27263

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.files.arn
  }

  condition {
    path_pattern {
      values = ["/files/*"]
    }
  }
}

# POST /responses?beta=true
resource "aws_lb_listener_rule" "post_responses_beta_true_acd693" {
  listener_arn = var.listener_arn
  priority     = 34124

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }

  condition {
    path_pattern {
      values = ["/responses"]
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
