from marsad.cli import app

app(prog_name="marsad")
