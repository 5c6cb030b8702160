resource "aws_lb" "this" {
  name               = "split-api"
  load_balancer_type = "application"
  internal           = true
  subnets            = var.subnet_ids
  security_groups    = var.security_group_ids
  tags = {
    "gateplan:api" = "Split API"
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

# GET /v1/customers/r00, GET /v1/customers/r01, GET /v1/customers/r02, GET /v1/customers/r03, GET /v1/customers/r04, GET /v1/customers/r05, GET /v1/customers/r06, GET /v1/customers/r07, GET /v1/customers/r08, GET /v1/customers/r09, GET /v1/customers/r10, GET /v1/customers/r11, GET /v1/customers/r12, GET /v1/customers/r13, GET /v1/customers/r14, GET /v1/customers/r15, GET /v1/customers/r16, GET /v1/customers/r17, GET /v1/customers/r18, GET /v1/customers/r19, GET /v1/customers/r20, GET /v1/customers/r21, GET /v1/customers/r22, GET /v1/customers/r23, GET /v1/customers/r24, GET /v1/customers/r25, GET /v1/customers/r26, GET /v1/customers/r27, GET /v1/customers/r28, GET /v1/customers/r29, GET /v1/customers/r30, GET /v1/customers/r31, GET /v1/customers/r32, GET /v1/customers/r33, GET /v1/customers/r34, GET /v1/customers/r35, GET /v1/customers/r36, GET /v1/customers/r37, GET /v1/customers/r38, GET /v1/customers/r39, GET /v1/customers/r40, GET /v1/customers/r41, GET /v1/customers/r42, GET /v1/customers/r43, GET /v1/customers/r44, GET /v1/customers/r45, GET /v1/customers/r46, GET /v1/customers/r47, GET /v1/customers/r48, GET /v1/customers/r49, GET /v1/customers/r50, GET /v1/invoices/r00, GET /v1/invoices/r01, GET /v1/invoices/r02, GET /v1/invoices/r03, GET /v1/invoices/r04, GET /v1/invoices/r05, GET /v1/invoices/r06, GET /v1/invoices/r07, GET /v1/invoices/r08, GET /v1/invoices/r09, GET /v1/invoices/r10, GET /v1/invoices/r11, GET /v1/invoices/r12, GET /v1/invoices/r13, GET /v1/invoices/r14, GET /v1/invoices/r15, GET /v1/invoices/r16, GET /v1/invoices/r17, GET /v1/invoices/r18, GET /v1/invoices/r19, GET /v1/invoices/r20, GET /v1/invoices/r21, GET /v1/invoices/r22, GET /v1/invoices/r23, GET /v1/invoices/r24, GET /v1/invoices/r25, GET /v1/invoices/r26, GET /v1/invoices/r27, GET /v1/invoices/r28, GET /v1/invoices/r29, GET /v1/invoices/r30, GET /v1/invoices/r31, GET /v1/invoices/r32, GET /v1/invoices/r33, GET /v1/invoices/r34, GET /v1/invoices/r35, GET /v1/invoices/r36, GET /v1/invoices/r37, GET /v1/invoices/r38, GET /v1/invoices/r39, GET /v1/invoices/r40, GET /v1/invoices/r41, GET /v1/invoices/r42, GET /v1/invoices/r43, GET /v1/invoices/r44, GET /v1/invoices/r45, GET /v1/invoices/r46, GET /v1/invoices/r47, GET /v1/invoices/r48, GET /v1/invoices/r49, GET /v1/invoices/r50, GET /v1/payouts/r00, GET /v1/payouts/r01, GET /v1/payouts/r02, GET /v1/payouts/r03, GET /v1/payouts/r04, GET /v1/payouts/r05, GET /v1/payouts/r06, GET /v1/payouts/r07, GET /v1/payouts/r08, GET /v1/payouts/r09, GET /v1/payouts/r10, GET /v1/payouts/r11, GET /v1/payouts/r12, GET /v1/payouts/r13, GET /v1/payouts/r14, GET /v1/payouts/r15, GET /v1/payouts/r16, GET /v1/payouts/r17, GET /v1/payouts/r18, GET /v1/payouts/r19, GET /v1/payouts/r20, GET /v1/payouts/r21, GET /v1/payouts/r22, GET /v1/payouts/r23, GET /v1/payouts/r24, GET /v1/payouts/r25, GET /v1/payouts/r26, GET /v1/payouts/r27, GET /v1/payouts/r28, GET /v1/payouts/r29, GET /v1/payouts/r30, GET /v1/payouts/r31, GET /v1/payouts/r32, GET /v1/payouts/r33, GET /v1/payouts/r34, GET /v1/payouts/r35, GET /v1/payouts/r36, GET /v1/payouts/r37, GET /v1/payouts/r38, GET /v1/payouts/r39, GET /v1/payouts/r40, GET /v1/payouts/r41, GET /v1/payouts/r42, GET /v1/payouts/r43, GET /v1/payouts/r44, GET /v1/payouts/r45, GET /v1/payouts/r46, GET /v1/payouts/r47, GET /v1/payouts/r48, GET /v1/payouts/r49, GET /v1/payouts/r50, GET /v1/status, PUT /v1/customers/r00/{}, PUT /v1/customers/r01/{}, PUT /v1/customers/r02/{}, PUT /v1/customers/r03/{}, PUT /v1/customers/r04/{}, PUT /v1/customers/r05/{}, PUT /v1/customers/r06/{}, PUT /v1/customers/r07/{}, PUT /v1/customers/r08/{}, PUT /v1/customers/r09/{}, PUT /v1/customers/r10/{}, PUT /v1/customers/r11/{}, PUT /v1/customers/r12/{}, PUT /v1/customers/r13/{}, PUT /v1/customers/r14/{}, PUT /v1/customers/r15/{}, PUT /v1/customers/r16/{}, PUT /v1/customers/r17/{}, PUT /v1/customers/r18/{}, PUT /v1/customers/r19/{}, PUT /v1/customers/r20/{}, PUT /v1/customers/r21/{}, PUT /v1/customers/r22/{}, PUT /v1/customers/r23/{}, PUT /v1/customers/r24/{}, PUT /v1/customers/r25/{}, PUT /v1/customers/r26/{}, PUT /v1/customers/r27/{}, PUT /v1/customers/r28/{}, PUT /v1/customers/r29/{}, PUT /v1/customers/r30/{}, PUT /v1/customers/r31/{}, PUT /v1/customers/r32/{}, PUT /v1/customers/r33/{}, PUT /v1/customers/r34/{}, PUT /v1/customers/r35/{}, PUT /v1/customers/r36/{}, PUT /v1/customers/r37/{}, PUT /v1/customers/r38/{}, PUT /v1/customers/r39/{}, PUT /v1/customers/r40/{}, PUT /v1/customers/r41/{}, PUT /v1/customers/r42/{}, PUT /v1/customers/r43/{}, PUT /v1/customers/r44/{}, PUT /v1/customers/r45/{}, PUT /v1/customers/r46/{}, PUT /v1/customers/r47/{}, PUT /v1/customers/r48/{}, PUT /v1/customers/r49/{}, PUT /v1/customers/r50/{}, PUT /v1/invoices/r00/{}, PUT /v1/invoices/r01/{}, PUT /v1/invoices/r02/{}, PUT /v1/invoices/r03/{}, PUT /v1/invoices/r04/{}, PUT /v1/invoices/r05/{}, PUT /v1/invoices/r06/{}, PUT /v1/invoices/r07/{}, PUT /v1/invoices/r08/{}, PUT /v1/invoices/r09/{}, PUT /v1/invoices/r10/{}, PUT /v1/invoices/r11/{}, PUT /v1/invoices/r12/{}, PUT /v1/invoices/r13/{}, PUT /v1/invoices/r14/{}, PUT /v1/invoices/r15/{}, PUT /v1/invoices/r16/{}, PUT /v1/invoices/r17/{}, PUT /v1/invoices/r18/{}, PUT /v1/invoices/r19/{}, PUT /v1/invoices/r20/{}, PUT /v1/invoices/r21/{}, PUT /v1/invoices/r22/{}, PUT /v1/invoices/r23/{}, PUT /v1/invoices/r24/{}, PUT /v1/invoices/r25/{}, PUT /v1/invoices/r26/{}, PUT /v1/invoices/r27/{}, PUT /v1/invoices/r28/{}, PUT /v1/invoices/r29/{}, PUT /v1/invoices/r30/{}, PUT /v1/invoices/r31/{}, PUT /v1/invoices/r32/{}, PUT /v1/invoices/r33/{}, PUT /v1/invoices/r34/{}, PUT /v1/invoices/r35/{}, PUT /v1/invoices/r36/{}, PUT /v1/invoices/r37/{}, PUT /v1/invoices/r38/{}, PUT /v1/invoices/r39/{}, PUT /v1/invoices/r40/{}, PUT /v1/invoices/r41/{}, PUT /v1/invoices/r42/{}, PUT /v1/invoices/r43/{}, PUT /v1/invoices/r44/{}, PUT /v1/invoices/r45/{}, PUT /v1/invoices/r46/{}, PUT /v1/invoices/r47/{}, PUT /v1/invoices/r48/{}, PUT /v1/invoices/r49/{}, PUT /v1/invoices/r50/{}, PUT /v1/payouts/r00/{}, PUT /v1/payouts/r01/{}, PUT /v1/payouts/r02/{}, PUT /v1/payouts/r03/{}, PUT /v1/payouts/r04/{}, PUT /v1/payouts/r05/{}, PUT /v1/payouts/r06/{}, PUT /v1/payouts/r07/{}, PUT /v1/payouts/r08/{}, PUT /v1/payouts/r09/{}, PUT /v1/payouts/r10/{}, PUT /v1/payouts/r11/{}, PUT /v1/payouts/r12/{}, PUT /v1/payouts/r13/{}, PUT /v1/payouts/r14/{}, PUT /v1/payouts/r15/{}, PUT /v1/payouts/r16/{}, PUT /v1/payouts/r17/{}, PUT /v1/payouts/r18/{}, PUT /v1/payouts/r19/{}, PUT /v1/payouts/r20/{}, PUT /v1/payouts/r21/{}, PUT /v1/payouts/r22/{}, PUT /v1/payouts/r23/{}, PUT /v1/payouts/r24/{}, PUT /v1/payouts/r25/{}, PUT /v1/payouts/r26/{}, PUT /v1/payouts/r27/{}, PUT /v1/payouts/r28/{}, PUT /v1/payouts/r29/{}, PUT /v1/payouts/r30/{}, PUT /v1/payouts/r31/{}, PUT /v1/payouts/r32/{}, PUT /v1/payouts/r33/{}, PUT /v1/payouts/r34/{}, PUT /v1/payouts/r35/{}, PUT /v1/payouts/r36/{}, PUT /v1/payouts/r37/{}, PUT /v1/payouts/r38/{}, PUT /v1/payouts/r39/{}, PUT /v1/payouts/r40/{}, PUT /v1/payouts/r41/{}, PUT /v1/payouts/r42/{}, PUT /v1/payouts/r43/{}, PUT /v1/payouts/r44/{}, PUT /v1/payouts/r45/{}, PUT /v1/payouts/r46/{}, PUT /v1/payouts/r47/{}, PUT /v1/payouts/r48/{}, PUT /v1/payouts/r49/{}, PUT /v1/payouts/r50/{}
resource "aws_lb_listener_rule" "get_v1_customers_r00_4cfb86" {
  listener_arn = aws_lb_listener.main.arn
  priority     = 36127

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }

  condition {
    path_pattern {
      values = ["/prod/v1/*"]
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

resource "aws_lb_target_group" "api" {
  name        = "api"
  target_type = "ip"
  protocol    = "HTTPS"
  port        = 443
  vpc_id      = var.vpc_id

  health_check {
    enabled = true
    path    = "/"
  }

  tags = {
    "gateplan:backend"  = "api"
    "gateplan:upstream" = "api.internal"
  }
}
