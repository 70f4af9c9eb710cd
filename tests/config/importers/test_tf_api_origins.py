"""API Gateway APIs and Lambda function URLs in a Terraform module: served with no overlay line.

The ids AWS assigns at apply (an API's id and endpoint, a function URL) get stable local values, so an origin that
names them resolves without --parameter and gets the api-gateway / lambda-url mock running the module's function.
"""

from __future__ import annotations

import json
from pathlib import Path

from emulator.assembly import load_source
from tests.helpers import run_config

HANDLER = """\
def handler(event, context):
    path = event.get("rawPath") or event.get("path")
    return {"statusCode": 200, "headers": {"x-stage": str(event["requestContext"].get("stage"))}, "body": path}
"""
FUNCTION = """\
data "archive_file" "app" {
  type        = "zip"
  source_dir  = "${path.module}/src"
  output_path = "${path.module}/build/app.zip"
}

resource "aws_lambda_function" "app" {
  function_name = "app"
  runtime       = "python3.14"
  handler       = "index.handler"
  filename      = data.archive_file.app.output_path
  role          = "arn:aws:iam::123456789012:role/app"
}
"""


def distribution(domain: str, origin_path: str = "") -> str:
    return f"""
resource "aws_cloudfront_distribution" "d" {{
  enabled = true
  origin {{
    origin_id   = "api"
    domain_name = {domain}
    origin_path = "{origin_path}"
    custom_origin_config {{
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }}
  }}
  default_cache_behavior {{
    target_origin_id       = "api"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }}
  restrictions {{
    geo_restriction {{
      restriction_type = "none"
    }}
  }}
  viewer_certificate {{
    cloudfront_default_certificate = true
  }}
}}
"""


def module(folder: Path, text: str) -> Path:
    (folder / "src").mkdir(parents=True)
    (folder / "src" / "index.py").write_text(HANDLER)
    (folder / "main.tf").write_text(FUNCTION + text)
    return folder


HTTP_API = """
variable "region" {
  default = "eu-west-1"
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "app" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.app.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "any" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "ANY /{proxy+}"
  target    = "integrations/${aws_apigatewayv2_integration.app.id}"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true
}
"""


async def test_http_api_origin_runs_the_integrated_function(tmp_path: Path) -> None:
    domain = '"${aws_apigatewayv2_api.http.id}.execute-api.${var.region}.amazonaws.com"'
    config = load_source(module(tmp_path, HTTP_API + distribution(domain)))
    origin = config.distributions[0].origins[0]
    assert origin.domain_name.endswith(".execute-api.eu-west-1.amazonaws.com") and origin.mock is not None
    assert (origin.mock.type, origin.mock.option("api"), origin.mock.option("function").name) == (
        "api-gateway", "http", "app")
    assert origin.mock.option("routes") == ["ANY /{proxy+}"]
    (fn,) = config.lambda_functions  # python3.14: a runtime Lambda@Edge and Lambda support
    assert (fn.name, fn.runtime, fn.code_dir) == ("app", "python3.14", tmp_path / "src")
    async with run_config(config) as edge, edge.request("GET", "/items/1") as r:
        assert (r.status, await r.text(), r.headers["x-stage"]) == (200, "/items/1", "$default")


REST_API = """
resource "aws_api_gateway_rest_api" "rest" {
  name = "rest"
}

resource "aws_api_gateway_resource" "proxy" {
  rest_api_id = aws_api_gateway_rest_api.rest.id
  parent_id   = aws_api_gateway_rest_api.rest.root_resource_id
  path_part   = "{proxy+}"
}

resource "aws_api_gateway_method" "proxy" {
  rest_api_id   = aws_api_gateway_rest_api.rest.id
  resource_id   = aws_api_gateway_resource.proxy.id
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "proxy" {
  rest_api_id             = aws_api_gateway_rest_api.rest.id
  resource_id             = aws_api_gateway_resource.proxy.id
  http_method             = aws_api_gateway_method.proxy.http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.app.invoke_arn
}

resource "aws_api_gateway_deployment" "rest" {
  rest_api_id = aws_api_gateway_rest_api.rest.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.rest.id
  deployment_id = aws_api_gateway_deployment.rest.id
  stage_name    = "prod"
}
"""


async def test_rest_api_origin_from_the_stage_invoke_url(tmp_path: Path) -> None:
    domain = 'split("/", aws_api_gateway_stage.prod.invoke_url)[2]'
    config = load_source(module(tmp_path, REST_API + distribution(domain, "/prod")))
    mock = config.distributions[0].origins[0].mock
    assert mock is not None and (mock.type, mock.option("api"), mock.option("stages")) == ("api-gateway", "rest",
                                                                                           ["prod"])
    async with run_config(config) as edge, edge.request("GET", "/items/1") as r:
        assert (r.status, await r.text(), r.headers["x-stage"]) == (200, "/items/1", "prod")


FUNCTION_URL = """
resource "aws_lambda_function_url" "app" {
  function_name      = aws_lambda_function.app.function_name
  authorization_type = "NONE"
}
"""


async def test_function_url_origin_runs_the_function(tmp_path: Path) -> None:
    domain = 'trimsuffix(trimprefix(aws_lambda_function_url.app.function_url, "https://"), "/")'
    config = load_source(module(tmp_path, FUNCTION_URL + distribution(domain)))
    origin = config.distributions[0].origins[0]
    assert origin.domain_name.endswith(".lambda-url.us-east-1.on.aws") and origin.mock is not None
    assert (origin.mock.type, origin.mock.option("function").name) == ("lambda-url", "app")
    async with run_config(config) as edge, edge.request("GET", "/hello") as r:
        assert (r.status, await r.text()) == (200, "/hello")


async def test_api_in_a_called_module_is_found_through_its_output(tmp_path: Path) -> None:
    module(tmp_path / "api", HTTP_API + """
output "endpoint" {
  value = aws_apigatewayv2_api.http.api_endpoint
}
""")
    (tmp_path / "main.tf").write_text('module "api" {\n  source = "./api"\n}\n' + distribution(
        'trimprefix(module.api.endpoint, "https://")'))
    config = load_source(tmp_path)
    mock = config.distributions[0].origins[0].mock
    assert mock is not None and (mock.type, mock.option("function").name) == ("api-gateway", "app")
    async with run_config(config) as edge, edge.request("GET", "/a") as r:
        assert (r.status, await r.text()) == (200, "/a")


def test_two_apis_get_distinct_stable_ids(tmp_path: Path) -> None:
    text = HTTP_API + HTTP_API.replace('"http"', '"other"').replace(".http.", ".other.").replace(
        '"app"', '"app2"').replace('"any"', '"any2"').replace('"default"', '"default2"').replace(
        'variable "region" {\n  default = "eu-west-1"\n}\n', "")
    folder = module(tmp_path, text + distribution('"${aws_apigatewayv2_api.other.id}.execute-api.eu-west-1'
                                                  '.amazonaws.com"'))
    first = load_source(folder).distributions[0].origins[0].domain_name
    assert first == load_source(folder).distributions[0].origins[0].domain_name  # the same on every load
    assert json.dumps(first).count(".execute-api.") == 1 and len(first.split(".")[0]) == 10


CUSTOM_DOMAIN = """
resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "api" {
  api_id          = aws_apigatewayv2_api.http.id
  domain_name     = aws_apigatewayv2_domain_name.api.id
  stage           = aws_apigatewayv2_stage.default.id
  api_mapping_key = "v1"
}
"""


async def test_origin_on_the_apis_custom_domain_is_mapped_to_its_stage(tmp_path: Path) -> None:
    config = load_source(module(tmp_path, HTTP_API + CUSTOM_DOMAIN + distribution(
        "aws_apigatewayv2_domain_name.api.domain_name", "/v1")))
    mock = config.distributions[0].origins[0].mock
    assert mock is not None and mock.option("custom_domains") == {"api.example.com/v1": "$default"}
    async with run_config(config) as edge, edge.request("GET", "/items") as r:
        assert (r.status, await r.text()) == (200, "/v1/items")
