# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_api_gateway_rest_api" "this" {
  name              = "Bookstore API"
  description       = "Catalog, orders, reviews and accounts for an online bookstore."
  body              = file("${path.module}/openapi-rest.json")
  put_rest_api_mode = "overwrite"
  fail_on_warnings  = true

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# A deployment is immutable: a new one is created whenever the document changes.
resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  description = "gateplan document 3b8b890094"

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.this.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = aws_api_gateway_deployment.this.id
  stage_name    = "dev"
  variables = {
    accountsHost   = "accounts.internal"
    assetsHost     = "assets.internal"
    catalogHost    = "catalog.internal:8080"
    logLevel       = "debug"
    ordersFunction = "bookstore-orders"
    reviewsHost    = "reviews.internal:9000"
    reviewsVpcLink = var.reviews_vpc_link_id
  }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = aws_api_gateway_deployment.this.id
  stage_name    = "prod"
  variables = {
    accountsHost   = "accounts.internal"
    assetsHost     = "assets.internal"
    catalogHost    = "catalog.internal:8080"
    logLevel       = "info"
    ordersFunction = "bookstore-orders"
    reviewsHost    = "reviews.internal:9000"
    reviewsVpcLink = var.reviews_vpc_link_id
  }

  canary_settings {
    deployment_id   = aws_api_gateway_deployment.this.id
    percent_traffic = 10
    stage_variable_overrides = {
      catalogHost = "catalog-v2.internal:8080"
    }
  }
}

resource "aws_api_gateway_method_settings" "dev_all" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.dev.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
  }
}

resource "aws_api_gateway_method_settings" "dev_partner_catalog" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.dev.stage_name
  method_path = "v2/partners/catalog/GET"

  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_api_gateway_method_settings" "dev_create_book" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.dev.stage_name
  method_path = "v2/books/POST"

  settings {
    throttling_rate_limit  = 10
    throttling_burst_limit = 20
  }
}

resource "aws_api_gateway_method_settings" "dev_create_review" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.dev.stage_name
  method_path = "v2/books/{bookId}/reviews/POST"

  settings {
    throttling_rate_limit  = 5
    throttling_burst_limit = 10
  }
}

resource "aws_api_gateway_method_settings" "dev_place_order" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.dev.stage_name
  method_path = "v2/orders/POST"

  settings {
    throttling_rate_limit  = 20
    throttling_burst_limit = 40
  }
}

resource "aws_api_gateway_method_settings" "prod_all" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit  = 1000
    throttling_burst_limit = 2000
  }
}

resource "aws_api_gateway_method_settings" "prod_partner_catalog" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "v2/partners/catalog/GET"

  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_api_gateway_method_settings" "prod_create_book" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "v2/books/POST"

  settings {
    throttling_rate_limit  = 10
    throttling_burst_limit = 20
  }
}

resource "aws_api_gateway_method_settings" "prod_create_review" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "v2/books/{bookId}/reviews/POST"

  settings {
    throttling_rate_limit  = 5
    throttling_burst_limit = 10
  }
}

resource "aws_api_gateway_method_settings" "prod_place_order" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "v2/orders/POST"

  settings {
    throttling_rate_limit  = 20
    throttling_burst_limit = 40
  }
}

resource "aws_api_gateway_usage_plan" "usage_plan_dev" {
  name = "Bookstore API dev"

  api_stages {
    api_id = aws_api_gateway_rest_api.this.id
    stage  = aws_api_gateway_stage.dev.stage_name
  }

  throttle_settings {
    rate_limit  = 50
    burst_limit = 100
  }
}

resource "aws_api_gateway_api_key" "usage_plan_dev" {
  name        = "Bookstore API dev key"
  description = "API key for Bookstore API dev"
  enabled     = true
}

resource "aws_api_gateway_usage_plan_key" "usage_plan_dev" {
  key_id        = aws_api_gateway_api_key.usage_plan_dev.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.usage_plan_dev.id
}

resource "aws_api_gateway_usage_plan" "usage_plan_prod" {
  name = "Bookstore API prod"

  api_stages {
    api_id = aws_api_gateway_rest_api.this.id
    stage  = aws_api_gateway_stage.prod.stage_name
  }

  throttle_settings {
    rate_limit  = 1000
    burst_limit = 2000
  }

  quota_settings {
    limit  = 1000000
    period = "MONTH"
  }
}

resource "aws_api_gateway_api_key" "usage_plan_prod" {
  name        = "Bookstore API prod key"
  description = "API key for Bookstore API prod"
  enabled     = true
}

resource "aws_api_gateway_usage_plan_key" "usage_plan_prod" {
  key_id        = aws_api_gateway_api_key.usage_plan_prod.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.usage_plan_prod.id
}

resource "aws_lambda_permission" "apigw_orders" {
  statement_id  = "AllowApiGateway-Orders"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-east-1:123456789012:function:bookstore-orders"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/*"
}
