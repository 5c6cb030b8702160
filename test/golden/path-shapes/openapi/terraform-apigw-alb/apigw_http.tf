# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_apigatewayv2_api" "this" {
  name             = "Path shapes"
  description      = "Paths API Gateway cannot hold as written: text and parameters in one segment (widened to one variable), a literal with a character API Gateway refuses (held as a variable), a path key with a query (matched by ALB, not by API Gateway) and sibling variables with different names (renamed). gateplan inspect shows what each front door made of each route."
  protocol_type    = "HTTP"
  fail_on_warnings = true
  body             = templatefile("${path.module}/openapi-http.json", { AlbListenerArn = aws_lb_listener.main.arn, AlbVpcLinkId = aws_apigatewayv2_vpc_link.this.id })
}

resource "aws_apigatewayv2_vpc_link" "this" {
  name               = "Path shapes"
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "prod"
  auto_deploy = true
}
