resource "aws_lb" "this" {
  name               = "bookstore-api"
  load_balancer_type = "application"
  internal           = true
  subnets            = var.subnet_ids
  security_groups    = var.security_group_ids
  tags = {
    "gateplan:api" = "Bookstore API"
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

# GET /v2/accounts/me
resource "aws_lb_listener_rule" "get_v2_accounts_me_b44f91" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 24350

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.accounts.arn
  }

  condition {
    path_pattern {
      values = ["/dev/v2/accounts/*"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/dev/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# GET /v2/accounts/me
resource "aws_lb_listener_rule" "get_v2_accounts_me_1e555c" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 24433

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.accounts.arn
  }

  condition {
    path_pattern {
      values = ["/prod/v2/accounts/*"]
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

# GET /v2/books/{}
resource "aws_lb_listener_rule" "get_v2_books_a2ab02" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25111

  action {
    type = "forward"

    forward {
      target_group {
        arn    = aws_lb_target_group.catalog.arn
        weight = 90
      }
      target_group {
        arn    = aws_lb_target_group.catalog_v2.arn
        weight = 10
      }
    }
  }

  condition {
    path_pattern {
      regex_values = ["^/dev/v2/books/[^/]+$"]
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
        regex   = "^/dev/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# GET /v2/assets/{+}
resource "aws_lb_listener_rule" "get_v2_assets_eff249" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25130

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.assets.arn
  }

  condition {
    path_pattern {
      values = ["/prod/v2/assets/*"]
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

# GET /v2/books/{}/reviews, POST /v2/books/{}/reviews
resource "aws_lb_listener_rule" "get_v2_books_reviews_d27802" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25283

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.reviews.arn
  }

  condition {
    path_pattern {
      regex_values = ["^/dev/v2/books/[^/]+/.*$"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/dev/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# GET /v2/books/{}/reviews, POST /v2/books/{}/reviews
resource "aws_lb_listener_rule" "get_v2_books_reviews_20df39" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25298

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.reviews.arn
  }

  condition {
    path_pattern {
      regex_values = ["^/prod/v2/books/[^/]+/.*$"]
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

# DELETE /v2/books/{}, GET /v2/books, GET /v2/healthz, GET /v2/partners/catalog, POST /v2/books, PUT /v2/books/{}
resource "aws_lb_listener_rule" "delete_v2_books_8d04d2" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25311

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.catalog.arn
  }

  condition {
    path_pattern {
      regex_values = ["^/dev/v2(/books(/.*)?|/partners/.*|/healthz)$"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/dev/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# GET /v2/books/{}
resource "aws_lb_listener_rule" "get_v2_books_37cc71" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25318

  action {
    type = "forward"

    forward {
      target_group {
        arn    = aws_lb_target_group.catalog.arn
        weight = 81
      }
      target_group {
        arn    = aws_lb_target_group.catalog_v2.arn
        weight = 19
      }
    }
  }

  condition {
    path_pattern {
      regex_values = ["^/prod/v2/books/[^/]+$"]
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
        regex   = "^/prod/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# DELETE /v2/books/{}, GET /v2/books, GET /v2/healthz, GET /v2/partners/catalog, POST /v2/books, PUT /v2/books/{}
resource "aws_lb_listener_rule" "delete_v2_books_3ffc01" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25319

  action {
    type = "forward"

    forward {
      target_group {
        arn    = aws_lb_target_group.catalog.arn
        weight = 90
      }
      target_group {
        arn    = aws_lb_target_group.catalog_v2.arn
        weight = 10
      }
    }
  }

  condition {
    path_pattern {
      regex_values = ["^/prod/v2(/books(/.*)?|/partners/.*|/healthz)$"]
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

# GET /v2/assets/{+}
resource "aws_lb_listener_rule" "get_v2_assets_0d03e7" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25468

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.assets.arn
  }

  condition {
    path_pattern {
      values = ["/dev/v2/assets/*"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/dev/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# GET /v2/orders, GET /v2/orders/{}, POST /v2/orders, POST /v2/orders/{}/cancel
resource "aws_lb_listener_rule" "get_v2_orders_3945fa" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 33467

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.orders.arn
  }

  condition {
    path_pattern {
      values = ["/dev/v2/orders", "/dev/v2/orders/*"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/dev/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# GET /v2/orders, GET /v2/orders/{}, POST /v2/orders, POST /v2/orders/{}/cancel
resource "aws_lb_listener_rule" "get_v2_orders_cd3ee8" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 33485

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.orders.arn
  }

  condition {
    path_pattern {
      values = ["/prod/v2/orders", "/prod/v2/orders/*"]
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

resource "aws_lb_target_group" "accounts" {
  name             = "accounts"
  target_type      = "ip"
  protocol         = "HTTPS"
  port             = 443
  protocol_version = "HTTP2"
  vpc_id           = var.vpc_id

  health_check {
    enabled = true
    path    = "/ping"
  }

  tags = {
    "gateplan:backend"  = "accounts"
    "gateplan:upstream" = "accounts.internal"
  }
}

resource "aws_lb_target_group" "assets" {
  name        = "assets"
  target_type = "ip"
  protocol    = "HTTP"
  port        = 80
  vpc_id      = var.vpc_id

  health_check {
    enabled = true
    path    = "/"
  }

  tags = {
    "gateplan:backend"  = "assets"
    "gateplan:upstream" = "assets.internal"
  }
}

resource "aws_lb_target_group" "catalog" {
  name                          = "catalog"
  target_type                   = "ip"
  protocol                      = "HTTP"
  port                          = 8080
  vpc_id                        = var.vpc_id
  deregistration_delay          = "30"
  load_balancing_algorithm_type = "least_outstanding_requests"

  health_check {
    enabled           = true
    path              = "/healthz"
    interval          = 15
    healthy_threshold = 3
  }

  tags = {
    "gateplan:backend"  = "catalog"
    "gateplan:upstream" = "catalog.internal:8080"
  }
}

resource "aws_lb_target_group" "catalog_v2" {
  name        = "catalog-v2"
  target_type = "ip"
  protocol    = "HTTP"
  port        = 8080
  vpc_id      = var.vpc_id

  health_check {
    enabled = true
    path    = "/healthz"
  }

  tags = {
    "gateplan:backend"  = "catalog-v2"
    "gateplan:upstream" = "catalog-v2.internal:8080"
  }
}

resource "aws_lb_target_group" "orders" {
  name        = "orders"
  target_type = "lambda"

  health_check {
    enabled = false
  }

  tags = {
    "gateplan:backend" = "orders"
  }
}

resource "aws_lb_target_group" "reviews" {
  name        = "reviews"
  target_type = "ip"
  protocol    = "HTTP"
  port        = 9000
  vpc_id      = var.vpc_id

  health_check {
    enabled = true
    path    = "/"
  }

  stickiness {
    type            = "lb_cookie"
    enabled         = true
    cookie_duration = 3600
  }

  tags = {
    "gateplan:backend"  = "reviews"
    "gateplan:upstream" = "reviews.internal:9000"
  }
}

resource "aws_lambda_permission" "alb_orders" {
  statement_id  = "AllowAlb-orders"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-east-1:123456789012:function:bookstore-orders"
  principal     = "elasticloadbalancing.amazonaws.com"
  source_arn    = aws_lb_target_group.orders.arn
}

resource "aws_lb_target_group_attachment" "orders" {
  target_group_arn = aws_lb_target_group.orders.arn
  target_id        = "arn:aws:lambda:us-east-1:123456789012:function:bookstore-orders"
  depends_on       = [aws_lambda_permission.alb_orders]
}
