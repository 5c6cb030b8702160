# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_apigatewayv2_api" "this" {
  name             = "Bookstore API"
  description      = "Catalog, orders, reviews and accounts for an online bookstore."
  protocol_type    = "HTTP"
  fail_on_warnings = true
  body             = templatefile("${path.module}/openapi-http.json", { ReviewsListenerArn = var.reviews_listener_arn, ReviewsVpcLinkId = var.reviews_vpc_link_id })
}

resource "aws_apigatewayv2_stage" "dev" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "dev"
  auto_deploy = true
  stage_variables = {
    accountsHost   = "accounts.internal"
    assetsHost     = "assets.internal"
    catalogHost    = "catalog.internal:8080"
    logLevel       = "debug"
    ordersFunction = "bookstore-orders"
  }

  default_route_settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
  }

  route_settings {
    route_key              = "POST /v2/books"
    throttling_rate_limit  = 10
    throttling_burst_limit = 20
  }

  route_settings {
    route_key              = "POST /v2/books/{bookId}/reviews"
    throttling_rate_limit  = 5
    throttling_burst_limit = 10
  }

  route_settings {
    route_key              = "POST /v2/orders"
    throttling_rate_limit  = 20
    throttling_burst_limit = 40
  }
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "prod"
  auto_deploy = true
  stage_variables = {
    accountsHost   = "accounts.internal"
    assetsHost     = "assets.internal"
    catalogHost    = "catalog.internal:8080"
    logLevel       = "info"
    ordersFunction = "bookstore-orders"
  }

  default_route_settings {
    throttling_rate_limit  = 1000
    throttling_burst_limit = 2000
  }

  route_settings {
    route_key              = "POST /v2/books"
    throttling_rate_limit  = 10
    throttling_burst_limit = 20
  }

  route_settings {
    route_key              = "POST /v2/books/{bookId}/reviews"
    throttling_rate_limit  = 5
    throttling_burst_limit = 10
  }

  route_settings {
    route_key              = "POST /v2/orders"
    throttling_rate_limit  = 20
    throttling_burst_limit = 40
  }
}

resource "aws_lambda_permission" "apigw_orders" {
  statement_id  = "AllowApiGateway-Orders"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-east-1:123456789012:function:bookstore-orders"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/*"
}
