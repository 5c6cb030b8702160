output "target_group_arn_pets" {
  description = "Target group of backend pets"
  value       = aws_lb_target_group.pets.arn
}
