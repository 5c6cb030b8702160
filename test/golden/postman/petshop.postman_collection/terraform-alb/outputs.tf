output "target_group_arn_orders" {
  description = "Target group of backend orders"
  value       = aws_lb_target_group.orders.arn
}

output "target_group_arn_pets" {
  description = "Target group of backend pets"
  value       = aws_lb_target_group.pets.arn
}
