# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_apigatewayv2_api" "this" {
  name             = "Events Ingest"
  protocol_type    = "HTTP"
  fail_on_warnings = true
  body             = file("${path.module}/openapi-http.json")
}

resource "aws_apigatewayv2_stage" "beta" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "beta"
  auto_deploy = true
  stage_variables = {
    ingestHost     = "ingest.internal:7000"
    legacyFunction = "events-legacy"
    queryHost      = "query.internal:7100"
  }

  route_settings {
    route_key              = "POST /events"
    throttling_rate_limit  = 500
    throttling_burst_limit = 1000
  }
}

resource "aws_apigatewayv2_stage" "v3" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "v3"
  auto_deploy = true
  stage_variables = {
    ingestHost     = "ingest.internal:7000"
    legacyFunction = "events-legacy"
    queryHost      = "query.internal:7100"
    retention      = "30"
  }

  route_settings {
    route_key              = "POST /events"
    throttling_rate_limit  = 500
    throttling_burst_limit = 1000
  }
}

resource "aws_lambda_permission" "apigw_legacy" {
  statement_id  = "AllowApiGateway-Legacy"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-west-2:210987654321:function:events-legacy"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/*"
}
