from wenshu.cli import main

main()
