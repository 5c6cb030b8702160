# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_apigatewayv2_api" "this" {
  name             = "Bookstore API"
  description      = "Catalog, orders, reviews and accounts for an online bookstore."
  protocol_type    = "HTTP"
  fail_on_warnings = true
  body             = templatefile("${path.module}/openapi-http.json", { AlbListenerArn = aws_lb_listener.main.arn, AlbVpcLinkId = aws_apigatewayv2_vpc_link.this.id })
}

resource "aws_apigatewayv2_vpc_link" "this" {
  name               = "Bookstore API"
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
}

resource "aws_apigatewayv2_stage" "dev" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "dev"
  auto_deploy = true
  stage_variables = {
    logLevel = "debug"
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
    logLevel = "info"
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
