resource "aws_lb" "this" {
  name               = "warehouse-inventory"
  load_balancer_type = "application"
  internal           = true
  subnets            = var.subnet_ids
  security_groups    = var.security_group_ids
  tags = {
    "gateplan:api" = "Warehouse Inventory"
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

# GET /api/items, GET /api/items/{}
resource "aws_lb_listener_rule" "get_api_items_bb66a2" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 29007

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.stock.arn
  }

  condition {
    path_pattern {
      values = ["/live/api/items", "/live/api/items/*"]
    }
  }
  condition {
    http_request_method {
      values = ["GET", "HEAD"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/live/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# DELETE /api/items/{}, POST /api/items
resource "aws_lb_listener_rule" "delete_api_items_bf0282" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 29019

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.lambda_inventory_writer.arn
  }

  condition {
    path_pattern {
      values = ["/live/api/items", "/live/api/items/*"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/live/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# GET /api/items, GET /api/items/{}
resource "aws_lb_listener_rule" "get_api_items_9bad3d" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 29430

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.stock.arn
  }

  condition {
    path_pattern {
      values = ["/staging/api/items", "/staging/api/items/*"]
    }
  }
  condition {
    http_request_method {
      values = ["GET", "HEAD"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/staging/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# DELETE /api/items/{}, POST /api/items
resource "aws_lb_listener_rule" "delete_api_items_29a670" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 29431

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.lambda_inventory_writer.arn
  }

  condition {
    path_pattern {
      values = ["/staging/api/items", "/staging/api/items/*"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/staging/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# GET /api/ping
resource "aws_lb_listener_rule" "get_api_ping_b00b45" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 33222

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
      values = ["/staging/api/ping"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/staging/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# GET /api/ping
resource "aws_lb_listener_rule" "get_api_ping_ccc347" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 33336

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
      values = ["/live/api/ping"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/live/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# ANY /api/reports/{+}
resource "aws_lb_listener_rule" "any_api_reports_22224b" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 34004

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.http_reports_example_com.arn
  }

  condition {
    path_pattern {
      values = ["/live/api/reports/*"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/live/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# ANY /api/reports/{+}
resource "aws_lb_listener_rule" "any_api_reports_4374b8" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 34293

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.http_reports_example_com.arn
  }

  condition {
    path_pattern {
      values = ["/staging/api/reports/*"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/staging/?(.*)$"
        replace = "/$1"
      }
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
