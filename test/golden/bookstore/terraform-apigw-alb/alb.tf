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
resource "aws_lb_listener_rule" "get_v2_accounts_me_5c6902" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 24195

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
resource "aws_lb_listener_rule" "get_v2_accounts_me_f28bb7" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 24480

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

# GET /v2/books/{}/reviews, POST /v2/books/{}/reviews
resource "aws_lb_listener_rule" "get_v2_books_reviews_3e0cde" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25027

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.reviews.arn
  }

  condition {
    path_pattern {
      values = ["/dev/v2/books/*/reviews"]
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
resource "aws_lb_listener_rule" "get_v2_assets_eb8d1a" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25083

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

# GET /v2/books/{}
resource "aws_lb_listener_rule" "get_v2_books_a6f87b" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25088

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
      values = ["/dev/v2/books/*"]
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
resource "aws_lb_listener_rule" "get_v2_assets_4dda9c" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25237

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

# DELETE /v2/books/{}, GET /v2/books, GET /v2/healthz, POST /v2/books, PUT /v2/books/{}
resource "aws_lb_listener_rule" "delete_v2_books_2888b0" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25433

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.catalog.arn
  }

  condition {
    path_pattern {
      values = ["/dev/v2/books", "/dev/v2/books/*", "/dev/v2/healthz"]
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
resource "aws_lb_listener_rule" "get_v2_books_reviews_aa70c6" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25491

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.reviews.arn
  }

  condition {
    path_pattern {
      values = ["/prod/v2/books/*/reviews"]
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
resource "aws_lb_listener_rule" "get_v2_books_daede4" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25492

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
      values = ["/prod/v2/books/*"]
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

# DELETE /v2/books/{}, GET /v2/books, GET /v2/healthz, POST /v2/books, PUT /v2/books/{}
resource "aws_lb_listener_rule" "delete_v2_books_43b257" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25493

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
      values = ["/prod/v2/books", "/prod/v2/books/*", "/prod/v2/healthz"]
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

# GET /v2/orders, GET /v2/orders/{}, POST /v2/orders, POST /v2/orders/{}/cancel
resource "aws_lb_listener_rule" "get_v2_orders_566782" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 33095

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

# GET /v2/partners/catalog
resource "aws_lb_listener_rule" "get_v2_partners_catalog_1833e3" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 33148

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.catalog.arn
  }

  condition {
    path_pattern {
      values = ["/dev/v2/partners/*"]
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
resource "aws_lb_listener_rule" "get_v2_orders_98e55f" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 33192

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

# GET /v2/partners/catalog
resource "aws_lb_listener_rule" "get_v2_partners_catalog_3eb288" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 33437

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
      values = ["/prod/v2/partners/*"]
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
    "gateplan:backend" = "accounts"
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
    "gateplan:backend" = "assets"
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
    "gateplan:backend" = "catalog"
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
    "gateplan:backend" = "catalog-v2"
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
    "gateplan:backend" = "reviews"
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
