from readout_compare.cli import main

main(prog_name="readout-compare")
