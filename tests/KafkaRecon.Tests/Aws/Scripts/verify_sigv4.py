"""Recomputes a captured request's SigV4 signature with botocore (independent of the .NET SDK) and prints both."""
import hashlib, json, sys
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
req = json.load(open(sys.argv[1]))
auth = req["headers"]["Authorization"]
signed = auth.split("SignedHeaders=")[1].split(",")[0].split(";")
scope = auth.split("Credential=")[1].split(",")[0].split("/")
# botocore takes the payload hash from this header when present, so check it against the body itself.
declared = {k.lower(): v for k, v in req["headers"].items()}.get("x-amz-content-sha256")
if declared is not None and declared != hashlib.sha256(req["body"].encode()).hexdigest():
    sys.exit("x-amz-content-sha256 %s does not match the body" % declared)
headers = {k: v for k, v in req["headers"].items() if k.lower() in signed}
r = AWSRequest(method="POST", url=req["url"], data=req["body"].encode(), headers=headers)
a = SigV4Auth(Credentials("testing", "testing"), scope[3], scope[2])
r.context["timestamp"] = req["headers"]["X-Amz-Date"]
cr = a.canonical_request(r)
sts = a.string_to_sign(r, cr)
print(a.signature(sts, r))
print(auth.split("Signature=")[1].strip())
