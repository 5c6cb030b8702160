# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_api_gateway_rest_api" "this" {
  name              = "Events Ingest"
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
  description = "gateplan document 744debf50a"

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.this.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "beta" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = aws_api_gateway_deployment.this.id
  stage_name    = "beta"
  variables = {
    ingestHost     = "ingest.internal:7000"
    legacyFunction = "events-legacy"
    queryHost      = "query.internal:7100"
  }
}

resource "aws_api_gateway_stage" "v3" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = aws_api_gateway_deployment.this.id
  stage_name    = "v3"
  variables = {
    ingestHost     = "ingest.internal:7000"
    legacyFunction = "events-legacy"
    queryHost      = "query.internal:7100"
    retention      = "30"
  }
}

resource "aws_lambda_permission" "apigw_legacy" {
  statement_id  = "AllowApiGateway-Legacy"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-west-2:210987654321:function:events-legacy"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/*"
}
