output "target_group_arn_payments" {
  description = "Target group of backend payments"
  value       = aws_lb_target_group.payments.arn
}
