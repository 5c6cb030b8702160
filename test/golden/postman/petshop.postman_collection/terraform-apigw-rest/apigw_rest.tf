# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_api_gateway_rest_api" "this" {
  name              = "Pet Shop"
  description       = "A Postman export as teams have them: folders, :path variables, {{baseUrl}}, bearer auth."
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
  description = "gateplan document f7452efae7"

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
    ordersFunction = "petshop-orders"
    petsHost       = "pets.internal:8080"
  }
}

resource "aws_api_gateway_method_settings" "prod_all" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_lambda_permission" "apigw_orders" {
  statement_id  = "AllowApiGateway-Orders"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:eu-west-1:123456789012:function:petshop-orders"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/*"
}
