# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_apigatewayv2_api" "this" {
  name             = "Path shapes"
  description      = "Paths API Gateway cannot hold as written: text and parameters in one segment (widened to one variable), a literal with a character API Gateway refuses (held as a variable), a path key with a query (matched by ALB, not by API Gateway) and sibling variables with different names (renamed). gateplan inspect shows what each front door made of each route."
  protocol_type    = "HTTP"
  fail_on_warnings = true
  body             = file("${path.module}/openapi-http.json")
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "prod"
  auto_deploy = true
  stage_variables = {
    apiHost       = "api.internal:8443"
    filesFunction = "files"
  }
}

resource "aws_lambda_permission" "apigw_files" {
  statement_id  = "AllowApiGateway-Files"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-east-1:123456789012:function:files"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/*"
}
