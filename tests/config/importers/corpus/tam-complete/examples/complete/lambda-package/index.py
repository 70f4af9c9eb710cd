def lambda_handler(event, context):
    print("Hello from app1!")

    return event
