# GET /v2/accounts/me, GET /v2/partners/catalog
resource "aws_lb_listener_rule" "get_v2_accounts_me_b76aef" {
  listener_arn = var.listener_arn
  priority     = 24464

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
      values = ["/v2/accounts/*", "/v2/partners/*"]
    }
  }
}

# GET /v2/books/{}
resource "aws_lb_listener_rule" "get_v2_books_1f22bd" {
  listener_arn = var.listener_arn
  priority     = 25010

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
    host_header {
      values = ["api.bookstore.example.com"]
    }
  }
  condition {
    path_pattern {
      regex_values = ["^/v2/books/[^/]+$"]
    }
  }
  condition {
    http_request_method {
      values = ["GET", "HEAD"]
    }
  }
}

# GET /v2/assets/{+}
resource "aws_lb_listener_rule" "get_v2_assets_5f6de6" {
  listener_arn = var.listener_arn
  priority     = 25055

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.assets.arn
  }

  condition {
    path_pattern {
      values = ["/v2/assets/*"]
    }
  }
}

# GET /v2/books/{}/reviews
resource "aws_lb_listener_rule" "get_v2_books_reviews_259f35" {
  listener_arn = var.listener_arn
  priority     = 25090

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.reviews.arn
  }

  condition {
    path_pattern {
      regex_values = ["^/v2/books/[^/]+/.*$"]
    }
  }
  condition {
    http_request_method {
      values = ["GET", "HEAD"]
    }
  }
}

# POST /v2/books/{}/reviews
resource "aws_lb_listener_rule" "post_v2_books_reviews_62393b" {
  listener_arn = var.listener_arn
  priority     = 25180

  action {
    type  = "authenticate-cognito"
    order = 1

    authenticate_cognito {
      user_pool_arn              = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Bookstore"
      user_pool_client_id        = "4bookstoreclientid"
      user_pool_domain           = "auth.bookstore.example.com"
      on_unauthenticated_request = "deny"
    }
  }
  action {
    type             = "forward"
    order            = 2
    target_group_arn = aws_lb_target_group.reviews.arn
  }

  condition {
    path_pattern {
      regex_values = ["^/v2/books/[^/]+/.*$"]
    }
  }
}

# GET /v2/books/{}
resource "aws_lb_listener_rule" "get_v2_books_2543c7" {
  listener_arn = var.listener_arn
  priority     = 25184

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
    host_header {
      values = ["dev.api.bookstore.example.com"]
    }
  }
  condition {
    path_pattern {
      regex_values = ["^/v2/books/[^/]+$"]
    }
  }
  condition {
    http_request_method {
      values = ["GET", "HEAD"]
    }
  }
}

# GET /v2/books, GET /v2/healthz
resource "aws_lb_listener_rule" "get_v2_books_0d511f" {
  listener_arn = var.listener_arn
  priority     = 25236

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
    host_header {
      values = ["api.bookstore.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/v2/books", "/v2/healthz"]
    }
  }
  condition {
    http_request_method {
      values = ["GET", "HEAD"]
    }
  }
}

# DELETE /v2/books/{}
resource "aws_lb_listener_rule" "delete_v2_books_f4adab" {
  listener_arn = var.listener_arn
  priority     = 25244

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
      values = ["/v2/books/*"]
    }
  }
  condition {
    http_request_method {
      values = ["DELETE"]
    }
  }
}

# GET /v2/books, GET /v2/healthz
resource "aws_lb_listener_rule" "get_v2_books_fa8fb1" {
  listener_arn = var.listener_arn
  priority     = 25286

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.catalog.arn
  }

  condition {
    host_header {
      values = ["dev.api.bookstore.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/v2/books", "/v2/healthz"]
    }
  }
  condition {
    http_request_method {
      values = ["GET", "HEAD"]
    }
  }
}

# POST /v2/books, PUT /v2/books/{}
resource "aws_lb_listener_rule" "post_v2_books_505148" {
  listener_arn = var.listener_arn
  priority     = 25287

  action {
    type  = "authenticate-cognito"
    order = 1

    authenticate_cognito {
      user_pool_arn              = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Bookstore"
      user_pool_client_id        = "4bookstoreclientid"
      user_pool_domain           = "auth.bookstore.example.com"
      on_unauthenticated_request = "deny"
    }
  }
  action {
    type             = "forward"
    order            = 2
    target_group_arn = aws_lb_target_group.catalog.arn
  }

  condition {
    host_header {
      values = ["dev.api.bookstore.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/v2/books", "/v2/books/*"]
    }
  }
}

# POST /v2/books, PUT /v2/books/{}
resource "aws_lb_listener_rule" "post_v2_books_bfc19f" {
  listener_arn = var.listener_arn
  priority     = 25444

  action {
    type  = "authenticate-cognito"
    order = 1

    authenticate_cognito {
      user_pool_arn              = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Bookstore"
      user_pool_client_id        = "4bookstoreclientid"
      user_pool_domain           = "auth.bookstore.example.com"
      on_unauthenticated_request = "deny"
    }
  }
  action {
    type  = "forward"
    order = 2

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
    host_header {
      values = ["api.bookstore.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/v2/books", "/v2/books/*"]
    }
  }
}

# GET /v2/orders, GET /v2/orders/{}, POST /v2/orders, POST /v2/orders/{}/cancel
resource "aws_lb_listener_rule" "get_v2_orders_56c7c6" {
  listener_arn = var.listener_arn
  priority     = 33239

  action {
    type  = "authenticate-cognito"
    order = 1

    authenticate_cognito {
      user_pool_arn              = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Bookstore"
      user_pool_client_id        = "4bookstoreclientid"
      user_pool_domain           = "auth.bookstore.example.com"
      on_unauthenticated_request = "deny"
    }
  }
  action {
    type             = "forward"
    order            = 2
    target_group_arn = aws_lb_target_group.orders.arn
  }

  condition {
    path_pattern {
      values = ["/v2/orders", "/v2/orders/*"]
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
      values = ["dev.api.bookstore.example.com", "api.bookstore.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/*"]
    }
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

resource "aws_wafv2_web_acl" "rate_limits" {
  name  = "bookstore-api-rate-limits"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  # POST /v2/books
  rule {
    name     = "gateplan-routes-10-per-s-burst-20"
    priority = 0

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = 620
        evaluation_window_sec = 60
        aggregate_key_type    = "IP"

        scope_down_statement {
          and_statement {
            statement {
              byte_match_statement {
                search_string         = "POST"
                positional_constraint = "EXACTLY"

                field_to_match {
                  method {}
                }

                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
            statement {
              regex_match_statement {
                regex_string = "^/v2/books$"

                field_to_match {
                  uri_path {}
                }

                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "gateplan-routes-10-per-s-burst-20"
      sampled_requests_enabled   = true
    }
  }

  # GET /v2/partners/catalog
  rule {
    name     = "gateplan-routes-100-per-s-burst-200"
    priority = 1

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = 6200
        evaluation_window_sec = 60
        aggregate_key_type    = "IP"

        scope_down_statement {
          and_statement {
            statement {
              byte_match_statement {
                search_string         = "GET"
                positional_constraint = "EXACTLY"

                field_to_match {
                  method {}
                }

                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
            statement {
              regex_match_statement {
                regex_string = "^/v2/partners/catalog$"

                field_to_match {
                  uri_path {}
                }

                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "gateplan-routes-100-per-s-burst-200"
      sampled_requests_enabled   = true
    }
  }

  # POST /v2/orders
  rule {
    name     = "gateplan-routes-20-per-s-burst-40"
    priority = 2

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = 1240
        evaluation_window_sec = 60
        aggregate_key_type    = "IP"

        scope_down_statement {
          and_statement {
            statement {
              byte_match_statement {
                search_string         = "POST"
                positional_constraint = "EXACTLY"

                field_to_match {
                  method {}
                }

                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
            statement {
              regex_match_statement {
                regex_string = "^/v2/orders$"

                field_to_match {
                  uri_path {}
                }

                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "gateplan-routes-20-per-s-burst-40"
      sampled_requests_enabled   = true
    }
  }

  # POST /v2/books/{}/reviews
  rule {
    name     = "gateplan-routes-5-per-s-burst-10"
    priority = 3

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = 310
        evaluation_window_sec = 60
        aggregate_key_type    = "IP"

        scope_down_statement {
          and_statement {
            statement {
              byte_match_statement {
                search_string         = "POST"
                positional_constraint = "EXACTLY"

                field_to_match {
                  method {}
                }

                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
            statement {
              regex_match_statement {
                regex_string = "^/v2/books/[^/]+/reviews$"

                field_to_match {
                  uri_path {}
                }

                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "gateplan-routes-5-per-s-burst-10"
      sampled_requests_enabled   = true
    }
  }

  #
  rule {
    name     = "gateplan-stage-dev"
    priority = 4

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = 3100
        evaluation_window_sec = 60
        aggregate_key_type    = "IP"

        scope_down_statement {
          byte_match_statement {
            search_string         = "dev.api.bookstore.example.com"
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
      metric_name                = "gateplan-stage-dev"
      sampled_requests_enabled   = true
    }
  }

  #
  rule {
    name     = "gateplan-stage-prod"
    priority = 5

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = 62000
        evaluation_window_sec = 60
        aggregate_key_type    = "IP"

        scope_down_statement {
          byte_match_statement {
            search_string         = "api.bookstore.example.com"
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
    metric_name                = "gateplan-BookstoreAPI"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "rate_limits" {
  resource_arn = var.load_balancer_arn
  web_acl_arn  = aws_wafv2_web_acl.rate_limits.arn
}
