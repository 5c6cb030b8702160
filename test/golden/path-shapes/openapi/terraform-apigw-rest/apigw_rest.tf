# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_api_gateway_rest_api" "this" {
  name              = "Path shapes"
  description       = "Paths API Gateway cannot hold as written: text and parameters in one segment (widened to one variable), a literal with a character API Gateway refuses (held as a variable), a path key with a query (matched by ALB, not by API Gateway) and sibling variables with different names (renamed). gateplan inspect shows what each front door made of each route."
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
  description = "gateplan document 52c4859840"

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.this.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = aws_api_gateway_deployment.this.id
  stage_name    = "prod"
  variables = {
    apiHost       = "api.internal:8443"
    filesFunction = "files"
  }
}

resource "aws_lambda_permission" "apigw_files" {
  statement_id  = "AllowApiGateway-Files"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-east-1:123456789012:function:files"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/*"
}
