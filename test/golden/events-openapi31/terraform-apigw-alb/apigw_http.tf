# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_apigatewayv2_api" "this" {
  name             = "Events Ingest"
  protocol_type    = "HTTP"
  fail_on_warnings = true
  body             = templatefile("${path.module}/openapi-http.json", { AlbListenerArn = aws_lb_listener.main.arn, AlbVpcLinkId = aws_apigatewayv2_vpc_link.this.id })
}

resource "aws_apigatewayv2_vpc_link" "this" {
  name               = "Events Ingest"
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
}

resource "aws_apigatewayv2_stage" "beta" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "beta"
  auto_deploy = true

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
    retention = "30"
  }

  route_settings {
    route_key              = "POST /events"
    throttling_rate_limit  = 500
    throttling_burst_limit = 1000
  }
}
