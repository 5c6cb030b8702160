output "target_group_arn_assets" {
  description = "Target group of backend assets"
  value       = aws_lb_target_group.assets.arn
}

output "target_group_arn_catalog" {
  description = "Target group of backend catalog"
  value       = aws_lb_target_group.catalog.arn
}

output "target_group_arn_catalog_v2" {
  description = "Target group of backend catalog-v2"
  value       = aws_lb_target_group.catalog_v2.arn
}

output "target_group_arn_orders" {
  description = "Target group of backend orders"
  value       = aws_lb_target_group.orders.arn
}

output "target_group_arn_reviews" {
  description = "Target group of backend reviews"
  value       = aws_lb_target_group.reviews.arn
}
