module cordon.dev/cordon

go 1.19
