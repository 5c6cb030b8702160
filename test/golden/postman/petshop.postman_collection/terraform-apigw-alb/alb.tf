resource "aws_lb" "this" {
  name               = "pet-shop"
  load_balancer_type = "application"
  internal           = true
  subnets            = var.subnet_ids
  security_groups    = var.security_group_ids
  tags = {
    "gateplan:api" = "Pet Shop"
  }
}

resource "aws_lb_listener" "main" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "application/json"
      message_body = "{\"message\":\"Not Found\"}"
      status_code  = "404"
    }
  }
}

# DELETE /api/orders/{}, GET /api/orders/{}, POST /api/orders
resource "aws_lb_listener_rule" "delete_api_orders_f27dfd" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25466

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.orders.arn
  }

  condition {
    path_pattern {
      values = ["/prod/api/orders", "/prod/api/orders/*"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/prod/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

# GET /api/health, GET /api/pets, GET /api/pets/{}, POST /api/pets, PUT /api/pets/{}/photo
resource "aws_lb_listener_rule" "get_api_health_301bab" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 25467

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.pets.arn
  }

  condition {
    path_pattern {
      values = ["/prod/api/*"]
    }
  }

  transform {
    type = "url-rewrite"
    url_rewrite_config {
      rewrite {
        regex   = "^/prod/?(.*)$"
        replace = "/$1"
      }
    }
  }
}

resource "aws_lb_target_group" "orders" {
  name        = "orders"
  target_type = "lambda"

  health_check {
    enabled = false
  }

  tags = {
    "gateplan:backend" = "orders"
  }
}

resource "aws_lb_target_group" "pets" {
  name        = "pets"
  target_type = "ip"
  protocol    = "HTTP"
  port        = 8080
  vpc_id      = var.vpc_id

  health_check {
    enabled = true
    path    = "/health"
  }

  tags = {
    "gateplan:backend"  = "pets"
    "gateplan:upstream" = "pets.internal:8080"
  }
}

resource "aws_lambda_permission" "alb_orders" {
  statement_id  = "AllowAlb-orders"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:eu-west-1:123456789012:function:petshop-orders"
  principal     = "elasticloadbalancing.amazonaws.com"
  source_arn    = aws_lb_target_group.orders.arn
}

resource "aws_lb_target_group_attachment" "orders" {
  target_group_arn = aws_lb_target_group.orders.arn
  target_id        = "arn:aws:lambda:eu-west-1:123456789012:function:petshop-orders"
  depends_on       = [aws_lambda_permission.alb_orders]
}
